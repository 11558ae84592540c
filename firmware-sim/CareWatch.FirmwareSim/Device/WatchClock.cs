namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// A watch's own real-time clock: the reference clock plus an error that can change in steps (a watch
/// that was set wrong, or whose clock jumped after a reset or a bad time sync). Everything the watch
/// does with time reads it: SAS token expiry, minute timestamps, event times. Timers and stopwatches
/// run at the reference rate, as a quartz oscillator's error over minutes is negligible next to the
/// offsets simulated here.
/// </summary>
public sealed class WatchClock : TimeProvider
{
    private readonly TimeProvider _reference;
    private readonly IReadOnlyList<ClockStep> _steps;

    /// <summary>A clock that reads <paramref name="reference"/> corrected by <paramref name="steps"/>.</summary>
    public WatchClock(TimeProvider reference, IEnumerable<ClockStep> steps)
    {
        _reference = reference;
        _steps = steps.OrderBy(s => s.FromUtc).ToList();
    }

    /// <summary>
    /// <paramref name="reference"/> itself when there are no steps (the common case costs nothing),
    /// otherwise a <see cref="WatchClock"/>.
    /// </summary>
    public static TimeProvider Over(TimeProvider reference, IReadOnlyCollection<ClockStep> steps) =>
        steps.Count == 0 ? reference : new WatchClock(reference, steps);

    /// <summary>How far the watch's clock is off at the reference instant <paramref name="referenceUtc"/>.</summary>
    public TimeSpan ErrorAt(DateTimeOffset referenceUtc)
    {
        var error = TimeSpan.Zero;
        foreach (var step in _steps)
        {
            if (step.FromUtc > referenceUtc.UtcDateTime) break;
            error = step.Error;
        }
        return error;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        var now = _reference.GetUtcNow();
        return now + ErrorAt(now);
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _reference.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => _reference.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => _reference.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _reference.CreateTimer(callback, state, dueTime, period);
}

/// <summary>From the reference instant <paramref name="FromUtc"/> on, the watch's clock reads <paramref name="Error"/> off (positive: ahead).</summary>
public sealed record ClockStep(DateTime FromUtc, TimeSpan Error);
