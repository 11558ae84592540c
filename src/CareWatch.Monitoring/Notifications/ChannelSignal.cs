namespace CareWatch.Monitoring.Notifications;

/// <summary>
/// Wakes one channel's loop. <see cref="CareWatch.Storage.Alerts.OutboxWakeup"/> releases one waiter, and every
/// channel must hear of new rows, so the dispatcher fans the one wake-up out to a signal per channel.
/// </summary>
internal sealed class ChannelSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes the loop (or makes its next wait return at once).</summary>
    public void Set() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Waits for a wake-up or the poll interval on the injected clock, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        var next = Volatile.Read(ref _next);
        if (!next.Task.IsCompleted)
        {
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var timer = Task.Delay(poll, time, delay.Token);
            await Task.WhenAny(next.Task, timer);
            await delay.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }
        // Reset before the claim that follows, so a row queued during that claim wakes the loop again.
        Interlocked.CompareExchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously), next);
    }
}
