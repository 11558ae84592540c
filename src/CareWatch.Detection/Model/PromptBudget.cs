namespace CareWatch.Detection.Model;

/// <summary>
/// Per-person calibration of the daytime sensitivity: the most sensitive α (up to the configured one) whose alerts
/// on the person's own recent days stay within a budget of prompts per day. One α for everyone asks the restless
/// napper many times a day and the busy senior hardly ever; a budget spends the same number of questions on each of
/// them and lets the busy one be found sooner. Deterministic: a pure function of the person's minutes.
/// </summary>
public static class PromptBudget
{
    /// <summary>The α ladder tried, most sensitive first; the configured α caps it.</summary>
    public static IReadOnlyList<double> Ladder { get; } = [0.3, 0.2, 0.1, 0.05, 0.03, 0.01, 0.003, 0.001, 3e-4, 1e-4, 3e-5, 1e-5];

    /// <summary>
    /// The options with the day α calibrated for this person when <see cref="LearnedDetectorOptions.DayPromptBudget"/>
    /// is set (the night α stays as configured, or the configured α when none is); unchanged otherwise, or when the
    /// history has no worn day to judge by.
    /// </summary>
    public static LearnedDetectorOptions Calibrate(PersonSurvival survival, IReadOnlyList<ActivityMinute> history, LearnedDetectorOptions options)
    {
        if (options.DayPromptBudget is not { } budget) return options;
        var dayMinutes = history.Count(m => m.Worn && options.Band.IsDay(m.Local));
        if (dayMinutes == 0) return options;
        var bandDays = dayMinutes / (60.0 * (options.Band.EndHour - options.Band.StartHour));
        var night = options.NightAlpha ?? options.Alpha;
        foreach (var alpha in Ladder.Where(a => a <= options.Alpha))
        {
            var candidate = options with { Alpha = alpha, NightAlpha = night, DayPromptBudget = null };
            if (DayAlerts(survival, history, candidate) / bandDays <= budget) return candidate;
        }
        return options with { Alpha = Ladder[^1], NightAlpha = night, DayPromptBudget = null };
    }

    private static int DayAlerts(PersonSurvival survival, IReadOnlyList<ActivityMinute> history, LearnedDetectorOptions options)
    {
        var detector = new LearnedDetector(survival, options);
        var alerts = 0;
        foreach (var m in history)
        {
            if (detector.Observe(m).Signal != DetectorSignal.Alert || detector.StillSince is not { } since) continue;
            if (options.Band.IsDay(m.Local - (m.Utc - since))) alerts++;
        }
        return alerts;
    }
}
