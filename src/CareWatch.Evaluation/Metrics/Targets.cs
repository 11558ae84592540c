using CareWatch.Evaluation.Method;

namespace CareWatch.Evaluation.Metrics;

/// <summary>One target of issue 4 with its verdict and the figures behind it.</summary>
/// <param name="Text">The target in words.</param>
/// <param name="Met">Whether it is met; null when it cannot be judged (no model in the run).</param>
/// <param name="Evidence">The figures that decided it.</param>
public sealed record TargetVerdict(string Text, bool? Met, string Evidence);

/// <summary>The issue's targets, checked on one cohort's summaries.</summary>
public static class Targets
{
    /// <summary>Most false alarms per person-month allowed.</summary>
    public const double MaxFalseAlarms = 0.5;

    /// <summary>Longest median daytime delay allowed (minutes).</summary>
    public const double MaxDayMedian = 45;

    /// <summary>Longest median night-time delay allowed (minutes).</summary>
    public const double MaxNightMedian = 120;

    /// <summary>The model's safety floor as the issue proposes it: 4 h by day, 10 h by night (minutes).</summary>
    public const double DayFloor = 240, NightFloor = 600;

    /// <summary>Whether a detector meets the false-alarm and median-delay target.</summary>
    public static bool MeetsAlarmAndDelay(DetectorSummary s) =>
        s.FalseAlarmsPerPersonMonth <= MaxFalseAlarms && s.Day.MedianMinutes <= MaxDayMedian && s.Night.MedianMinutes <= MaxNightMedian;

    /// <summary>Checks the three targets on the model's sensitivities against the baselines.</summary>
    public static IReadOnlyList<TargetVerdict> Check(IReadOnlyList<DetectorSummary> all)
    {
        var model = all.Where(s => s.Kind == DetectorKind.Model).ToList();
        var fixedTimers = all.Where(s => s.Kind == DetectorKind.FixedTimer).ToList();
        const string first = "≤ 0.5 false alarms per person-month with median delay ≤ 45 min by day and ≤ 2 h at night";
        const string second = "no emergency missed beyond the safety floor (each sensitivity's own floors; 4 h day / 10 h night as shipped)";
        const string third = "better than every fixed-timer baseline at an equal false-alarm rate";
        if (model.Count == 0)
            return [new(first, null, "no learned model in this run"), new(second, null, "no learned model in this run"), new(third, null, "no learned model in this run")];

        var meeting = model.Where(MeetsAlarmAndDelay).ToList();
        var v1 = new TargetVerdict(first, meeting.Count > 0, meeting.Count > 0
            ? $"met by {string.Join(", ", meeting.Select(m => m.Name))}"
            : $"closest: {string.Join("; ", model.OrderBy(Shortfall).Take(3).Select(m => $"{m.Name}: {m.FalseAlarmsPerPersonMonth:0.00} FA/pm, day {Minutes(m.Day.MedianMinutes)}, night {Minutes(m.Night.MedianMinutes)}"))}");

        // The floor applies to every sensitivity: none may miss, none may alert later than its floor (+1 min of rounding).
        var late = model.Where(m => m.Day.Missed + m.Night.Missed > 0
            || m.Day.MaxDetectedMinutes > (m.FloorMinutes?.Day ?? DayFloor) + 1
            || m.Night.MaxDetectedMinutes > (m.FloorMinutes?.Night ?? NightFloor) + 1).ToList();
        var v2 = new TargetVerdict(second, late.Count == 0, late.Count == 0
            ? $"all sensitivities: 0 missed; longest delay day {Minutes(model.Max(m => m.Day.MaxDetectedMinutes))}, night {Minutes(model.Max(m => m.Night.MaxDetectedMinutes))}"
            : string.Join("; ", late.Select(m => $"{m.Name}: {m.Day.Missed + m.Night.Missed} missed, longest day {Minutes(m.Day.MaxDetectedMinutes)}, night {Minutes(m.Night.MaxDetectedMinutes)}")));

        var comparisons = fixedTimers.Select(b => (Baseline: b, Model: TradeoffCurve.At(model, b.FalseAlarmsPerPersonMonth))).ToList();
        var lost = comparisons.Where(c => c.Model is not { } m || !Better(m, c.Baseline)).ToList();
        var v3 = new TargetVerdict(third, lost.Count == 0, string.Join("; ", comparisons.Select(c => c.Model is { } m
            ? $"{c.Baseline.Name} ({c.Baseline.FalseAlarmsPerPersonMonth:0.00} FA/pm): day {Minutes(c.Baseline.Day.MedianMinutes)} vs model {Minutes(m.DayMedian)}, night {Minutes(c.Baseline.Night.MedianMinutes)} vs {Minutes(m.NightMedian)}"
            : $"{c.Baseline.Name} ({c.Baseline.FalseAlarmsPerPersonMonth:0.00} FA/pm): the model does not reach this false-alarm rate")));
        return [v1, v2, v3];
    }

    // How far from the single-stage target: relative excess of false alarms and of each median (beyond 12 h: far).
    private static double Shortfall(DetectorSummary s) =>
        Excess(s.FalseAlarmsPerPersonMonth, MaxFalseAlarms) + Excess(s.Day.MedianMinutes, MaxDayMedian)
        + Excess(s.Night.MedianMinutes, MaxNightMedian);

    /// <summary>How far a figure exceeds its target, relative to it (0 within it; a median beyond 12 h is far off).</summary>
    internal static double Excess(double? value, double target) =>
        value is { } v ? Math.Max(0, v - target) / target : 100;

    /// <summary>At least as fast by day and by night, and faster in one (a miss-dominated median counts as infinite).</summary>
    internal static bool Better(TradeoffCurve.Point model, DetectorSummary baseline) =>
        Better(model, new TradeoffCurve.Point(baseline.FalseAlarmsPerPersonMonth, baseline.Day.MedianMinutes, baseline.Night.MedianMinutes));

    /// <summary>The same against a baseline's point of either stage.</summary>
    internal static bool Better(TradeoffCurve.Point model, TradeoffCurve.Point baseline)
    {
        double bd = baseline.DayMedian ?? double.PositiveInfinity, bn = baseline.NightMedian ?? double.PositiveInfinity;
        double md = model.DayMedian ?? double.PositiveInfinity, mn = model.NightMedian ?? double.PositiveInfinity;
        return md <= bd && mn <= bn && (md < bd || mn < bn);
    }

    /// <summary>"45 min", "2 h 05 min", "&gt; 12 h" for null.</summary>
    public static string Minutes(double? minutes) =>
        minutes is { } m ? CareWatch.Detection.Format.Duration(TimeSpan.FromMinutes(Math.Round(m))) : "> 12 h";
}
