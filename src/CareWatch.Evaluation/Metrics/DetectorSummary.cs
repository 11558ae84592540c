using CareWatch.Evaluation.Method;

namespace CareWatch.Evaluation.Metrics;

/// <summary>The summary figures of one detector on one cohort: the rows of the report and the JSON.</summary>
/// <param name="Name">Detector name.</param>
/// <param name="Kind">Baseline or model sensitivity.</param>
/// <param name="FalseAlarms">Alerts on real evaluation days.</param>
/// <param name="DayFalseAlarms">Of which the still period started by day.</param>
/// <param name="PersonMonths">Worn evaluation time in 30-day months.</param>
/// <param name="Day">Delays of emergencies with a daytime onset.</param>
/// <param name="Night">Delays of emergencies with a night-time onset.</param>
/// <param name="MicrosecondsPerObserve">Mean cost of one Observe call, including the evaluation loop.</param>
/// <param name="MicrosecondsPerCreate">Mean cost of one CreateFor call (per-person preparation, amortised over its calls).</param>
/// <param name="FloorMinutes">The learned model's safety floors (day, night) in minutes; null for baselines.</param>
public sealed record DetectorSummary(
    string Name, DetectorKind Kind, int FalseAlarms, int DayFalseAlarms, double PersonMonths,
    DelayStats Day, DelayStats Night, double MicrosecondsPerObserve, double MicrosecondsPerCreate = 0,
    (double Day, double Night)? FloorMinutes = null)
{
    /// <summary>The same detector with the check-in stage in the loop.</summary>
    public TwoStageSummary TwoStage { get; init; } = TwoStageSummary.From([], []);

    /// <summary>Minutes in a person-month (30 days).</summary>
    public const double MinutesPerMonth = 30 * 24 * 60;

    /// <summary>False alarms per person-month of worn evaluation time.</summary>
    public double FalseAlarmsPerPersonMonth => PersonMonths == 0 ? 0 : FalseAlarms / PersonMonths;

    /// <summary>Emergencies missed, day and night.</summary>
    public double MissRate => Day.Count + Night.Count == 0 ? 0 : (double)(Day.Missed + Night.Missed) / (Day.Count + Night.Count);

    /// <summary>Summarises one detector's outcomes.</summary>
    public static DetectorSummary From(DetectorOutcomes outcomes, IReadOnlyList<CareWatch.Detection.CheckIn.AnswerModel>? sweep = null)
    {
        var people = outcomes.People;
        var alerts = people.Sum(p => p.FalseAlarms.DayAlerts + p.FalseAlarms.NightAlerts);
        var dayAlerts = people.Sum(p => p.FalseAlarms.DayAlerts);
        var months = people.Sum(p => (double)p.FalseAlarms.WornMinutes) / MinutesPerMonth;
        var delays = people.SelectMany(p => p.Delays).ToList();
        var observed = people.Sum(p => p.ObservedMinutes);
        var ticks = people.Sum(p => p.ScoringTicks);
        var micros = observed == 0 ? 0 : ticks * 1e6 / System.Diagnostics.Stopwatch.Frequency / observed;
        return new DetectorSummary(outcomes.Entry.Name, outcomes.Entry.Kind, alerts, dayAlerts, months,
            DelayStats.From(delays.Where(d => d.Day).Select(d => d.Delay)),
            DelayStats.From(delays.Where(d => !d.Day).Select(d => d.Delay)), micros,
            people.Sum(p => p.Creates) == 0 ? 0 : people.Sum(p => p.CreateTicks) * 1e6 / System.Diagnostics.Stopwatch.Frequency / people.Sum(p => p.Creates),
            outcomes.Entry.Factory is CareWatch.Detection.Model.LearnedDetectorFactory learned
                ? (learned.Options.DayFloor.TotalMinutes, learned.Options.NightFloor.TotalMinutes) : null)
        {
            TwoStage = TwoStageSummary.From(people, sweep ?? []),
        };
    }
}
