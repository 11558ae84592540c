namespace CareWatch.Monitoring.CheckIn;

/// <summary>What became of an "Are you OK?" prompt sent to a senior's watches.</summary>
public enum PromptOutcome
{
    /// <summary>At least one watch confirmed it buzzes and shows the prompt.</summary>
    Shown,
    /// <summary>No watch could be reached (not connected, no answer in time, or it refused): call staff at once.</summary>
    Unreachable,
}

/// <summary>
/// The port through which the check-in asks a senior's watch(es) to buzz and show "Are you OK?". The composition root
/// adapts it over the gateway's direct methods (<c>areYouOk</c>); the senior's answer comes back later as an OK event
/// in the watch's telemetry, not as the method's result.
/// </summary>
public interface IWatchPrompt
{
    /// <summary>Prompts the senior's connected watches; waits at most <paramref name="timeout"/> for their confirmation.</summary>
    /// <param name="seniorId">The senior.</param>
    /// <param name="alertId">The alert the prompt belongs to (sent to the watch, so an OK can be matched if it echoes it).</param>
    /// <param name="promptNumber">1 for the first prompt, 2 for the second.</param>
    /// <param name="window">How long the watch should keep asking.</param>
    /// <param name="timeout">How long to wait for the watch's confirmation.</param>
    /// <param name="ct">Cancellation.</param>
    Task<PromptOutcome> AskAsync(Guid seniorId, long alertId, int promptNumber, TimeSpan window, TimeSpan timeout,
        CancellationToken ct);
}
