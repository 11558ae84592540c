namespace CareWatch.Storage.Alerts;

/// <summary>
/// Tells this node's outbox dispatcher that notifications were just queued, so a board hears of an alert within
/// milliseconds instead of at the dispatcher's next poll. Only a hint: the dispatcher also polls (other nodes'
/// rows, rows left after a restart), so a lost wake-up delays a notification and never loses it.
/// </summary>
public sealed class OutboxWakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Notifications were queued.</summary>
    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { } // already signalled: one wake-up covers every row queued so far
    }

    /// <summary>Waits until notified or <paramref name="timeout"/> passed (the poll); true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
