using CareWatch.Evaluation.Method;

namespace CareWatch.Evaluation.Metrics;

/// <summary>The check-in issue's targets (issue 13), checked on one cohort's two-stage figures.</summary>
public static class TwoStageTargets
{
    /// <summary>Most staff false alarms per person-month.</summary>
    public const double MaxStaffFalseAlarms = 0.5;

    /// <summary>Longest median onset-to-staff delay by day and at night (minutes).</summary>
    public const double MaxDayMedian = 45, MaxNightMedian = 120;

    /// <summary>Most prompts per person-day by day, and per person-month at night.</summary>
    public const double MaxDayPrompts = 0.5, MaxNightPrompts = 2;

    /// <summary>Whether one detector meets the alarm, delay and prompt-burden targets at once.</summary>
    public static bool MeetsAll(TwoStageSummary t) => MeetsAlarmAndDelay(t) && MeetsBurden(t);

    /// <summary>Staff false alarms and medians to staff within target.</summary>
    public static bool MeetsAlarmAndDelay(TwoStageSummary t) =>
        t.StaffFalseAlarmsPerPersonMonth <= MaxStaffFalseAlarms && t.Day.MedianMinutes <= MaxDayMedian && t.Night.MedianMinutes <= MaxNightMedian;

    /// <summary>Prompts by day and at night within target.</summary>
    public static bool MeetsBurden(TwoStageSummary t) =>
        t.DayPromptsPerPersonDay <= MaxDayPrompts && t.NightPromptsPerPersonMonth <= MaxNightPrompts;

    /// <summary>
    /// The sensitivity the report recommends: one that meets every target, the fastest by day among them; when none
    /// does, the one that misses them by the least (the sum of each figure's excess over its target, relative to it).
    /// </summary>
    public static DetectorSummary? Recommend(IReadOnlyList<DetectorSummary> all)
    {
        var model = all.Where(s => s.Kind == DetectorKind.Model && s.TwoStage.Day.Missed + s.TwoStage.Night.Missed == 0).ToList();
        var meeting = model.Where(s => MeetsAll(s.TwoStage)).ToList();
        return meeting.Count > 0
            ? meeting.MinBy(s => s.TwoStage.Day.MedianMinutes ?? double.MaxValue)
            : model.MinBy(s => Shortfall(s.TwoStage));
    }

    /// <summary>
    /// The one sensitivity the report recommends for the product: among the model's sensitivities measured on every
    /// cohort (and missing no emergency), the one whose summed shortfall over the cohorts is least — so a point that
    /// meets every target on one cohort and comes closest on another wins over one tuned to a single cohort.
    /// </summary>
    public static string? RecommendAcross(IReadOnlyList<IReadOnlyList<DetectorSummary>> cohorts)
    {
        if (cohorts.Count == 0) return null;
        var names = cohorts.Select(c => c.Where(s => s.Kind == DetectorKind.Model && s.TwoStage.Day.Missed + s.TwoStage.Night.Missed == 0)
            .Select(s => s.Name).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        return names.Count == 0 ? null
            : names.OrderBy(n => n, StringComparer.Ordinal).MinBy(n => cohorts.Sum(c => Shortfall(c.First(s => s.Name == n).TwoStage)));
    }

    /// <summary>How far a detector is from the targets: the sum of relative excesses (0 when it meets them all).</summary>
    public static double Shortfall(TwoStageSummary t) =>
        Targets.Excess(t.StaffFalseAlarmsPerPersonMonth, MaxStaffFalseAlarms) + Targets.Excess(t.Day.MedianMinutes, MaxDayMedian)
        + Targets.Excess(t.Night.MedianMinutes, MaxNightMedian) + Targets.Excess(t.DayPromptsPerPersonDay, MaxDayPrompts)
        + Targets.Excess(t.NightPromptsPerPersonMonth, MaxNightPrompts);

    /// <summary>The targets' verdicts for the report and the JSON.</summary>
    public static IReadOnlyList<TargetVerdict> Check(IReadOnlyList<DetectorSummary> all)
    {
        var model = all.Where(s => s.Kind == DetectorKind.Model).ToList();
        const string alarms = "≤ 0.5 staff false alarms per person-month, median onset-to-staff ≤ 45 min by day and ≤ 2 h at night";
        const string burden = "≤ 0.5 prompts per person-day by day and ≤ 2 prompts per person-month at night, at the same sensitivity";
        const string floor = "no emergency missed beyond the safety floor (every sensitivity, with the check-in)";
        const string timers = "better than every timer-with-check-in at equal staff false alarms";
        if (model.Count == 0) return [new(alarms, null, "no learned model"), new(burden, null, "no learned model"), new(floor, null, "no learned model"), new(timers, null, "no learned model")];

        var meetA = model.Where(s => MeetsAlarmAndDelay(s.TwoStage)).ToList();
        var best = Recommend(all);
        var v1 = new TargetVerdict(alarms, meetA.Count > 0, meetA.Count > 0
            ? $"met by {string.Join(", ", meetA.Select(m => m.Name))}"
            : $"closest: {Describe(best)}");
        var meetAll = model.Where(s => MeetsAll(s.TwoStage)).ToList();
        var v2 = new TargetVerdict(burden, meetAll.Count > 0, meetAll.Count > 0
            ? $"met with every other target by {string.Join(", ", meetAll.Select(m => m.Name))}"
            : $"no sensitivity meets the burden and the alarm targets together; closest: {Describe(best)}");
        var late = model.Where(m => m.TwoStage.Day.Missed + m.TwoStage.Night.Missed > 0).ToList();
        var v3 = new TargetVerdict(floor, late.Count == 0, late.Count == 0
            ? $"0 missed; longest onset-to-staff day {Targets.Minutes(model.Max(m => m.TwoStage.Day.MaxDetectedMinutes))}, night {Targets.Minutes(model.Max(m => m.TwoStage.Night.MaxDetectedMinutes))}"
            : string.Join("; ", late.Select(m => $"{m.Name}: {m.TwoStage.Day.Missed + m.TwoStage.Night.Missed} missed")));
        var curve = model.Select(Point).ToList();
        var comparisons = all.Where(s => s.Kind == DetectorKind.FixedTimer)
            .Select(b => (Baseline: b, Model: TradeoffCurve.At(curve, b.TwoStage.StaffFalseAlarmsPerPersonMonth))).ToList();
        var lost = comparisons.Where(c => c.Model is not { } m || !Targets.Better(m, Point(c.Baseline))).ToList();
        var v4 = new TargetVerdict(timers, lost.Count == 0, string.Join("; ", comparisons.Select(c => c.Model is { } m
            ? $"{c.Baseline.Name} ({c.Baseline.TwoStage.StaffFalseAlarmsPerPersonMonth:0.00} staff FA/pm): day {Targets.Minutes(c.Baseline.TwoStage.Day.MedianMinutes)} vs model {Targets.Minutes(m.DayMedian)}, night {Targets.Minutes(c.Baseline.TwoStage.Night.MedianMinutes)} vs {Targets.Minutes(m.NightMedian)}"
            : $"{c.Baseline.Name} ({c.Baseline.TwoStage.StaffFalseAlarmsPerPersonMonth:0.00} staff FA/pm): the model does not reach this rate")));
        return [v1, v2, v3, v4];
    }

    /// <summary>A detector's two-stage point on the trade-off: staff false alarms against medians to staff.</summary>
    public static TradeoffCurve.Point Point(DetectorSummary s) =>
        new(s.TwoStage.StaffFalseAlarmsPerPersonMonth, s.TwoStage.Day.MedianMinutes, s.TwoStage.Night.MedianMinutes);

    /// <summary>One line of figures for a detector.</summary>
    public static string Describe(DetectorSummary? s) => s is not { TwoStage: var t } ? "none"
        : $"{s.Name}: {t.StaffFalseAlarmsPerPersonMonth:0.00} staff FA/pm, to staff day {Targets.Minutes(t.Day.MedianMinutes)} / night {Targets.Minutes(t.Night.MedianMinutes)}, prompts {t.DayPromptsPerPersonDay:0.00}/day by day, {t.NightPromptsPerPersonMonth:0.0}/month at night";
}
