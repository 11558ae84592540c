using CareWatch.Detection;
using CareWatch.Detection.Model;

namespace CareWatch.Monitoring;

/// <summary>
/// What the detector in service considers a normal still period for one senior when it starts at a given local
/// time: the "band" the senior page draws the current still period against. It is read from the detector's own
/// inputs (the senior's learned profile and survival curves, or the fixed rule), so the page cannot disagree with
/// what would raise an alert.
/// </summary>
/// <param name="Rule">What sets the limit: <see cref="AlertTrigger"/> as a word (fixed-rule, model,
/// safety-floor).</param>
/// <param name="StillCeiling">The highest movement count of a worn minute that is still, for this senior.</param>
/// <param name="TypicalMinutes">90th percentile of their still periods starting around this hour (learned model
/// only).</param>
/// <param name="LongestNormalMinutes">Their longest still period starting around this hour (learned model
/// only).</param>
/// <param name="AlertAfterMinutes">A still period starting now is alerted after this many minutes.</param>
[GenerateSerializer, Immutable]
public sealed record StillnessNorm(
    [property: Id(0)] string Rule,
    [property: Id(1)] double StillCeiling,
    [property: Id(2)] int? TypicalMinutes,
    [property: Id(3)] int? LongestNormalMinutes,
    [property: Id(4)] int AlertAfterMinutes)
{
    /// <summary>The fixed rule's band: no learned profile; its day or night limit.</summary>
    public static StillnessNorm Fixed(DateTime local, MonitorOptions o, DayBand band) =>
        new(RuleWord(AlertTrigger.FixedRule), o.StillMovementThreshold, null, null,
            Minutes(band.IsDay(local) ? o.StillAlertAfter : o.StillAlertAfterNight));

    /// <summary>
    /// The learned detector's band: the personal profile at the hour, and the limit the detector would set for a
    /// period starting now (the model's, or the safety floor of the time band when that comes first).
    /// </summary>
    public static StillnessNorm Learned(DateTime local, PersonSurvival survival, LearnedDetectorOptions o)
    {
        var band = NormalBand.At(survival, o, local);
        return new StillnessNorm(RuleWord(band.Trigger), survival.Still.Ceiling, Minutes(band.Typical),
            Minutes(band.LongestNormal), Minutes(band.AlertAfter));
    }

    /// <summary>The word of a trigger in the API (kebab case, as the alert facts spell it).</summary>
    public static string RuleWord(AlertTrigger trigger) => trigger switch
    {
        AlertTrigger.FixedRule => "fixed-rule",
        AlertTrigger.Model => "model",
        _ => "safety-floor",
    };

    private static int Minutes(TimeSpan t) => (int)Math.Round(t.TotalMinutes);
}

/// <summary>
/// The senior's stillness now, as their monitor sees it: the band for a period starting now, and the current still
/// period with the limit the detector set for it.
/// </summary>
/// <param name="Norm">The band for a still period starting at the present local time.</param>
/// <param name="StillSince">Start of the current still period (UTC), or null while not still.</param>
/// <param name="LastMinute">The newest minute the monitor has (UTC): the still period is known up to its end.</param>
/// <param name="CurrentRule">What sets the current period's limit (null while not still).</param>
/// <param name="CurrentLimitMinutes">The current period is alerted at this stillness (null while not still).</param>
/// <param name="ModelVersion">The learned model in service (null: the fixed rule).</param>
[GenerateSerializer, Immutable]
public sealed record StillnessNow(
    [property: Id(0)] StillnessNorm Norm,
    [property: Id(1)] DateTime? StillSince,
    [property: Id(2)] DateTime? LastMinute,
    [property: Id(3)] string? CurrentRule,
    [property: Id(4)] int? CurrentLimitMinutes,
    [property: Id(5)] int? ModelVersion);
