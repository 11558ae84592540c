namespace CareWatch.Detection.Baselines;

/// <summary>
/// The classic home-unit rule: alert when a still period has lasted a fixed time, chosen by the hour the
/// still period started in (day band or night). With equal day and night limits it is a plain timer.
/// Stillness uses the same per-person <see cref="StillDefinition"/> as the learned model, so a comparison
/// isolates the timing policy.
/// </summary>
public sealed class TimerDetector(StillDefinition definition, TimeSpan dayLimit, TimeSpan nightLimit, DayBand band) : IInactivityDetector
{
    private readonly StillPeriodTracker _tracker = new(definition);
    private bool _alerted;

    /// <inheritdoc />
    public DateTime? StillSince => _tracker.StillSince;

    /// <inheritdoc />
    public InactivityFacts? Facts => _tracker.StillSinceLocal is { } since
        ? new InactivityFacts(AlertTrigger.FixedRule, band.IsDay(since) ? dayLimit : nightLimit)
        : null;

    /// <inheritdoc />
    public DetectorOutput Observe(in ActivityMinute minute)
    {
        if (!_tracker.Observe(minute)) return DetectorOutput.None;
        if (_tracker.StillSince is null)
        {
            if (!_alerted) return DetectorOutput.None;
            _alerted = false;
            return new DetectorOutput(DetectorSignal.Clear);
        }
        var limit = band.IsDay(_tracker.StillSinceLocal!.Value) ? dayLimit : nightLimit;
        if (_alerted || _tracker.StillFor < limit) return DetectorOutput.None;
        _alerted = true;
        return new DetectorOutput(DetectorSignal.Alert,
            $"Still for {Format.Duration(_tracker.StillFor)} since {_tracker.StillSinceLocal:HH:mm}, watch worn. The fixed rule alerts after {Format.Duration(limit)} without movement.");
    }
}

/// <summary>Makes <see cref="TimerDetector"/>s; each person's stillness scale is learned from their training days.</summary>
public sealed class TimerDetectorFactory(TimeSpan dayLimit, TimeSpan nightLimit, DayBand? band = null) : IDetectorFactory
{
    private readonly DayBand _band = band ?? DayBand.Default;

    /// <summary>A plain timer: the same limit day and night.</summary>
    public static TimerDetectorFactory Fixed(TimeSpan limit) => new(limit, limit);

    /// <inheritdoc />
    public string Name => dayLimit == nightLimit
        ? $"timer {Format.Duration(dayLimit)}"
        : $"timer {Format.Duration(dayLimit)} day / {Format.Duration(nightLimit)} night";

    /// <inheritdoc />
    public IInactivityDetector CreateFor(PersonHistory personTraining) =>
        new TimerDetector(StillDefinition.Learn(personTraining.Minutes, StillDefinition.Default), dayLimit, nightLimit, _band);
}
