namespace CareWatch.Protocol;

/// <summary>
/// Puts a watch's timestamps on the server's clock when the message says when it was sent (<c>sent</c>).
/// <para>
/// Why: a watch whose clock runs more than <see cref="TelemetryLimits.MaxClockAhead"/> ahead would otherwise
/// have every minute refused, and one that runs behind files its minutes in the past, where a still period
/// looks older than it is. The difference between <c>sent</c> and the moment the message arrives is the
/// watch's clock error (plus transit, well under a minute). Errors under <see cref="Threshold"/> are left
/// alone: that is ordinary drift and network delay, and minutes would otherwise jump between neighbours.
/// Minutes move by whole minutes (so they stay on minute boundaries; at most 30 s off), events by the exact error.
/// </para>
/// </summary>
public static class ClockCorrection
{
    /// <summary>Smallest clock error that is corrected.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The watch's clock error for this message (<c>sent − received</c>), or null when it did not say when
    /// it sent it.
    /// </summary>
    public static TimeSpan? ErrorOf(TelemetryBatch batch, DateTimeOffset receivedAt) =>
        batch.SentAt is { } sent ? sent - receivedAt.UtcDateTime : null;

    /// <summary>Whether a clock error of this size is corrected (a minute or more, less than a week).</summary>
    public static bool Corrects(TimeSpan? error) =>
        error is { } e && e.Duration() >= Threshold && e.Duration() < TelemetryLimits.MaxAge;

    /// <summary>
    /// The batch with its minutes and events moved onto the server clock, or the batch itself when there is
    /// nothing to correct. An error of a week or more is not corrected (the validator then refuses the
    /// timestamps): such a clock says nothing a correction could trust.
    /// </summary>
    public static TelemetryBatch Apply(TelemetryBatch batch, DateTimeOffset receivedAt)
    {
        if (ErrorOf(batch, receivedAt) is not { } error || !Corrects(error)) return batch;
        var wholeMinutes = TimeSpan.FromMinutes(Math.Round(error.TotalMinutes, MidpointRounding.AwayFromZero));
        return batch with
        {
            Minutes = batch.Minutes.Select(m => m with { Start = m.Start - wholeMinutes }).ToList(),
            Events = batch.Events.Select(e => e with { At = e.At - error }).ToList(),
        };
    }
}
