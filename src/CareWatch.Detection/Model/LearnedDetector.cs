using System.Globalization;

namespace CareWatch.Detection.Model;

/// <summary>Settings of the learned detector.</summary>
/// <param name="Alpha">Alert when fewer than this share of the person's still periods starting around now last as long.</param>
/// <param name="DayFloor">Safety floor by day: alert at this stillness whatever the model says.</param>
/// <param name="NightFloor">Safety floor by night.</param>
/// <param name="Band">Which hours are day.</param>
/// <param name="NightAlpha">α for still periods that begin at night, when it differs (waking a sleeping senior with a
/// prompt has a cost of its own); null: <paramref name="Alpha"/> day and night.</param>
/// <param name="AnsweredAlpha">α for a still period that begins right after the senior answered "Are you OK?": she
/// has just said she is fine, so asking again at the usual limit would only nag; null: the usual α.</param>
/// <param name="DayPromptBudget">When set, each person's day α is calibrated on their own history to raise at most this many
/// alerts (prompts) per day, up to <paramref name="Alpha"/> (<see cref="PromptBudget"/>); null: one α for everyone.</param>
public sealed record LearnedDetectorOptions(double Alpha, TimeSpan DayFloor, TimeSpan NightFloor, DayBand Band, double? NightAlpha = null,
    double? AnsweredAlpha = null, double? DayPromptBudget = null)
{
    /// <summary>How soon after an answer a still period counts as following it.</summary>
    public static readonly TimeSpan AfterAnswer = TimeSpan.FromMinutes(5);

    /// <summary>The α for a still period that began at <paramref name="local"/>, right after an answer or not.</summary>
    public double AlphaAt(DateTime local, bool afterAnswer = false) =>
        afterAnswer && AnsweredAlpha is { } answered ? answered
        : NightAlpha is { } night && !Band.IsDay(local) ? night : Alpha;

    /// <summary>
    /// The single-stage operating point (every alert to staff): the most sensitive α whose false alarms on Depresjon
    /// stay below a 3 h timer's (docs/detection-model.md), with the floors of 4 h by day and 10 h by night.
    /// </summary>
    public static LearnedDetectorOptions Default { get; } = new(3e-5, TimeSpan.FromHours(4), TimeSpan.FromHours(10), DayBand.Default);

    /// <summary>
    /// The operating point the product ships with the check-in on: the sensitivity docs/detection.md recommends (least
    /// shortfall from the check-in targets over Depresjon and the simulated cohort): α = 0.01 by day, 1e-4 at night
    /// (also for an evening rest whose prompt would come at night), 1e-5 right after an OK; the same floors.
    /// </summary>
    public static LearnedDetectorOptions WithCheckIn { get; } = Default with { Alpha = 0.01, NightAlpha = 1e-4, AnsweredAlpha = 1e-5 };
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
    private DateTime? _answeredAt;

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
        if (CheckIn.CheckInRuns.IsAnswered(minute)) _answeredAt = minute.Utc;
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
            var afterAnswer = _answeredAt is { } answered && _tracker.StillSince - answered <= LearnedDetectorOptions.AfterAnswer;
            _alertAfter = AlertAfter(_tracker.StillSinceLocal!.Value, afterAnswer);
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

    // A still period that begins by day but whose prompt would come at night (an evening rest that becomes the night's
    // sleep) is judged with the night sensitivity: what a prompt costs depends on when it wakes her, not on when she lay down.
    private TimeSpan? AlertAfter(DateTime sinceLocal, bool afterAnswer)
    {
        var alpha = options.AlphaAt(sinceLocal, afterAnswer);
        var after = survival.AlertAfter(sinceLocal, alpha);
        if (options.NightAlpha is { } night && night < alpha && after is { } a && !options.Band.IsDay(sinceLocal + a))
            after = survival.AlertAfter(sinceLocal, night);
        return after;
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
