using CareWatch.Detection.CheckIn;

namespace CareWatch.Detection.Evaluation;

/// <summary>Everything measured on one person for one detector.</summary>
/// <param name="FalseAlarms">Alerts on the real evaluation days.</param>
/// <param name="Delays">One entry per emergency: whether its onset was by day, and the delay (null = missed).</param>
/// <param name="ObservedMinutes">Minutes fed to this detector in total.</param>
/// <param name="ScoringTicks">Stopwatch ticks spent inside Observe loops.</param>
/// <param name="Creates">Detectors created (CreateFor calls).</param>
/// <param name="CreateTicks">Stopwatch ticks spent in CreateFor (a learned model compiles the person's curves on the first call).</param>
public sealed record PersonOutcome(FalseAlarmResult FalseAlarms, IReadOnlyList<(bool Day, TimeSpan? Delay)> Delays, long ObservedMinutes, long ScoringTicks, int Creates, long CreateTicks)
{
    /// <summary>With the check-in in the loop: prompts and staff alarms on the real evaluation days (default answer model).</summary>
    public CheckInResult CheckIn { get; init; }

    /// <summary>With the check-in: onset to the staff alarm per emergency (nobody answers), by day or night onset; null = missed.</summary>
    public IReadOnlyList<(bool Day, TimeSpan? Delay)> StaffDelays { get; init; } = [];

    /// <summary>The untouched days again under each answer model of <see cref="EvaluationSettings.AnswerSweep"/>, in order.</summary>
    public IReadOnlyList<CheckInResult> Sweep { get; init; } = [];
}
