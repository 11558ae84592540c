using CareWatch.Evaluation.Data;

namespace CareWatch.Evaluation.Method;

/// <summary>One detector's outcomes on every person of a cohort, in person order.</summary>
/// <param name="Entry">The detector.</param>
/// <param name="People">Per-person outcomes.</param>
public sealed record DetectorOutcomes(DetectorEntry Entry, IReadOnlyList<PersonOutcome> People);

/// <summary>What one cohort's evaluation produced.</summary>
/// <param name="Name">Cohort name, e.g. "Depresjon".</param>
/// <param name="Source">Where the data came from (folder or generator).</param>
/// <param name="People">The prepared people (split, pool, emergencies).</param>
/// <param name="Detectors">Outcomes per detector.</param>
/// <param name="NotWornByHour">Minutes marked not worn, per local hour, over the whole recordings.</param>
/// <param name="MinutesByHour">All recorded minutes per local hour.</param>
/// <param name="WearSource">How wear was decided for this cohort.</param>
/// <param name="ModelTraining">Time to train the learned model on the cohort's training days, if one ran.</param>
/// <param name="Skipped">People with too few days to split.</param>
public sealed record CohortResult(
    string Name,
    string Source,
    IReadOnlyList<PersonEvaluator.Prepared> People,
    IReadOnlyList<DetectorOutcomes> Detectors,
    long[] NotWornByHour,
    long[] MinutesByHour,
    WearSource WearSource,
    TimeSpan? ModelTraining,
    IReadOnlyList<string> Skipped)
{
    /// <summary>Why the learned model could not be trained on this cohort, if it could not.</summary>
    public string? ModelError { get; init; }

    /// <summary>The answer model of the check-in figures.</summary>
    public CareWatch.Detection.CheckIn.AnswerModel Answers { get; init; } = CareWatch.Detection.CheckIn.AnswerModel.Default;

    /// <summary>The answer models of the sweep, in the order of each outcome's <see cref="PersonOutcome.Sweep"/>.</summary>
    public IReadOnlyList<CareWatch.Detection.CheckIn.AnswerModel> AnswerSweep { get; init; } = [];
}
