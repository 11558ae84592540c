namespace CareWatch.Storage;

/// <summary>
/// Bounds how long a caller waits for a database call, whatever the server does. Npgsql honours cancellation
/// cooperatively, and against a PostgreSQL that hangs (a frozen host or process, a network that drops packets
/// without a reset) a cancelled query keeps waiting until its command timeout and then for a cancel request of
/// its own: measured with Npgsql 10 against a SIGSTOPped server, a query cancelled after 1 s returned after 34 s
/// (default 30 s command timeout), or not within 40 s with a 15 s connection timeout. The deadline stops
/// <em>waiting</em> instead: the caller gets a <see cref="DatabaseTimeoutException"/> on time, and the abandoned
/// call ends in the background within the connection string's own timeouts, holding its pooled connection until
/// then (so keep those timeouts finite).
/// </summary>
/// <remarks>
/// The budget is wall-clock time, deliberately not the injected <see cref="TimeProvider"/>: it bounds an I/O
/// latency, and a frozen test clock must not turn it into a hang.
/// </remarks>
public static class DatabaseDeadline
{
    /// <summary>
    /// Runs <paramref name="call"/> and returns its result, or throws <see cref="DatabaseTimeoutException"/>
    /// once <paramref name="budget"/> has passed without one. <paramref name="ct"/> is passed on to the call.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan budget,
        CancellationToken ct = default)
    {
        var task = call(ct);
        try
        {
            return await task.WaitAsync(budget, ct);
        }
        catch (Exception ex) when (!task.IsCompleted || task.Exception?.InnerException != ex)
        {
            // We stopped waiting (budget or ct), the call did not fail by itself. Nobody awaits it any more:
            // observe its eventual failure so it is not reported as an unobserved task exception.
            _ = task.ContinueWith(t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            if (ex is TimeoutException) throw new DatabaseTimeoutException(budget);
            throw;
        }
    }

    /// <summary>The same for a call without a result.</summary>
    public static Task RunAsync(Func<CancellationToken, Task> call, TimeSpan budget, CancellationToken ct = default) =>
        RunAsync(async token => { await call(token); return true; }, budget, ct);
}

/// <summary>PostgreSQL gave no answer within a <see cref="DatabaseDeadline"/>: it is hung or far overloaded.</summary>
public sealed class DatabaseTimeoutException(TimeSpan budget)
    : TimeoutException($"PostgreSQL did not answer within {budget.TotalSeconds:0.#} s");
