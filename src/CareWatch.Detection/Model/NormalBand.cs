namespace CareWatch.Detection.Model;

/// <summary>
/// What the learned detector considers normal for a still period that starts at a given local time: the person's
/// own rest around that hour, and the limit at which it would alert — the model's, or the safety floor of the time
/// band when that comes first. The same rules as <see cref="LearnedDetector"/>, so a page drawing this band cannot
/// disagree with what raises an alert.
/// </summary>
/// <param name="Trigger">What sets the limit: <see cref="AlertTrigger.Model"/> or
/// <see cref="AlertTrigger.SafetyFloor"/>.</param>
/// <param name="Typical">90th percentile of their still periods starting within ±2 h of the hour.</param>
/// <param name="LongestNormal">Their longest still period starting within ±2 h of the hour.</param>
/// <param name="AlertAfter">A still period starting then is alerted after this long.</param>
public sealed record NormalBand(AlertTrigger Trigger, TimeSpan Typical, TimeSpan LongestNormal, TimeSpan AlertAfter)
{
    /// <summary>The band for a still period starting at <paramref name="local"/> (the person's wall clock).</summary>
    public static NormalBand At(PersonSurvival survival, LearnedDetectorOptions options, DateTime local)
    {
        var floor = options.Band.IsDay(local) ? options.DayFloor : options.NightFloor;
        var byModel = survival.AlertAfter(local, options.Alpha) is { } after && after < floor
            ? after : (TimeSpan?)null;
        return new NormalBand(byModel is null ? AlertTrigger.SafetyFloor : AlertTrigger.Model,
            TimeSpan.FromMinutes(Math.Round(survival.Profile.Q90Minutes[local.Hour])),
            TimeSpan.FromMinutes(Math.Round(survival.Profile.MaxMinutes[local.Hour])), byModel ?? floor);
    }
}
