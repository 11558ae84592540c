using System.Globalization;

namespace CareWatch.Detection.Model;

/// <summary>Settings of the learned detector.</summary>
/// <param name="Alpha">Alert when fewer than this share of the person's still periods starting around now last as long.</param>
/// <param name="DayFloor">Safety floor by day: alert at this stillness whatever the model says.</param>
/// <param name="NightFloor">Safety floor by night.</param>
/// <param name="Band">Which hours are day.</param>
public sealed record LearnedDetectorOptions(double Alpha, TimeSpan DayFloor, TimeSpan NightFloor, DayBand Band)
{
    /// <summary>
    /// The operating point the product ships with: the most sensitive α whose false alarms on Depresjon stay
    /// below a 3 h timer's (docs/detection-model.md), with the floors of 4 h by day and 10 h by night.
    /// </summary>
    public static LearnedDetectorOptions Default { get; } = new(3e-5, TimeSpan.FromHours(4), TimeSpan.FromHours(10), DayBand.Default);
}

/// <summary>
/// Alerts when the current still period has become improbable for this person now (survival below α), or
/// when it reaches the safety floor of the current time band, whichever comes first.
/// </summary>
public sealed class LearnedDetector(PersonSurvival survival, LearnedDetectorOptions options) : IInactivityDetector
{
    private readonly StillPeriodTracker _tracker = new(survival.Still);
    private TimeSpan? _alertAfter;
    private bool _alerted;
    private DateTime _lastLocal;

    /// <inheritdoc />
    public DateTime? StillSince => _tracker.StillSince;

    /// <inheritdoc />
    public InactivityFacts? Facts
    {
        get
        {
            if (_tracker.StillSinceLocal is not { } since) return null;
            var floor = Min(FloorAt(since), FloorAt(_lastLocal));
            var longest = TimeSpan.FromMinutes(Math.Round(survival.Profile.MaxMinutes[since.Hour]));
            return _alertAfter is { } after && after < floor
                ? new InactivityFacts(AlertTrigger.Model, after, longest)
                : new InactivityFacts(AlertTrigger.SafetyFloor, floor, longest);
        }
    }

    /// <inheritdoc />
    public DetectorOutput Observe(in ActivityMinute minute)
    {
        var wasStillSince = _tracker.StillSince;
        if (!_tracker.Observe(minute)) return DetectorOutput.None;
        _lastLocal = minute.Local;
        if (_tracker.StillSince is null)
        {
            if (!_alerted) return DetectorOutput.None;
            _alerted = false;
            return new DetectorOutput(DetectorSignal.Clear);
        }
        if (_tracker.StillSince != wasStillSince)
        {
            _alerted = false;
            _alertAfter = survival.AlertAfter(_tracker.StillSinceLocal!.Value, options.Alpha);
        }
        if (_alerted) return DetectorOutput.None;

        var stillFor = _tracker.StillFor;
        // The stricter of the floors of the band the stillness began in and the band it is in now: a
        // collapse at 21:00 is not left until morning, and a still night that runs into the day is not
        // given a night's allowance.
        var floor = Min(FloorAt(_tracker.StillSinceLocal!.Value), FloorAt(minute.Local));
        var byModel = _alertAfter is { } after && stillFor >= after;
        if (!byModel && stillFor < floor) return DetectorOutput.None;
        _alerted = true;
        return new DetectorOutput(DetectorSignal.Alert, Explain(stillFor, byModel, floor));
    }

    private TimeSpan FloorAt(DateTime local) => options.Band.IsDay(local) ? options.DayFloor : options.NightFloor;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private string Explain(TimeSpan stillFor, bool byModel, TimeSpan floor)
    {
        var since = _tracker.StillSinceLocal!.Value;
        var longest = TimeSpan.FromMinutes(Math.Round(survival.Profile.MaxMinutes[since.Hour]));
        var endedSooner = (1 - survival.SurvivalAt(since, stillFor)) * 100;
        // At small α the share rounds to 100.0%, which would claim that every such period ended sooner.
        var share = endedSooner >= 99.95 ? "more than 99.9%" : string.Create(CultureInfo.InvariantCulture, $"{endedSooner:0.0}%");
        var head = $"Still for {Format.Duration(stillFor)} since {since:HH:mm}, watch worn. ";
        return byModel
            ? head + string.Create(CultureInfo.InvariantCulture,
                $"At this hour the longest normal still period is {Format.Duration(longest)}; {share} of still periods starting around now ended sooner.")
            : head + $"The safety limit of {Format.Duration(floor)} for this time of day is reached.";
    }
}
