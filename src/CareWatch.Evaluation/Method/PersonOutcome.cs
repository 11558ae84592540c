namespace CareWatch.Evaluation.Method;

/// <summary>Everything measured on one person for one detector.</summary>
/// <param name="FalseAlarms">Alerts on the real evaluation days.</param>
/// <param name="Delays">One entry per emergency: whether its onset was by day, and the delay (null = missed).</param>
/// <param name="ObservedMinutes">Minutes fed to this detector in total.</param>
/// <param name="ScoringTicks">Stopwatch ticks spent inside Observe loops.</param>
public sealed record PersonOutcome(FalseAlarmResult FalseAlarms, IReadOnlyList<(bool Day, TimeSpan? Delay)> Delays, long ObservedMinutes, long ScoringTicks);
