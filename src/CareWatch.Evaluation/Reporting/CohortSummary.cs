using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Metrics;

namespace CareWatch.Evaluation.Reporting;

/// <summary>A cohort's figures ready for the report, the JSON and the chart.</summary>
/// <param name="Result">The raw result.</param>
/// <param name="Detectors">Per-detector summaries in run order.</param>
/// <param name="Targets">The targets checked on this cohort.</param>
public sealed record CohortSummary(CohortResult Result, IReadOnlyList<DetectorSummary> Detectors, IReadOnlyList<TargetVerdict> Targets)
{
    /// <summary>The check-in issue's targets on this cohort.</summary>
    public IReadOnlyList<TargetVerdict> TwoStageTargets { get; init; } = [];

    /// <summary>The sensitivity the report recommends for this cohort (null without a model).</summary>
    public DetectorSummary? Recommended { get; init; }

    /// <summary>Summarises a cohort.</summary>
    public static CohortSummary From(CohortResult result)
    {
        var detectors = result.Detectors.Select(d => DetectorSummary.From(d, result.AnswerSweep)).ToList();
        return new CohortSummary(result, detectors, Metrics.Targets.Check(detectors))
        {
            TwoStageTargets = Metrics.TwoStageTargets.Check(detectors), Recommended = Metrics.TwoStageTargets.Recommend(detectors),
        };
    }

    /// <summary>Emergencies injected in this cohort.</summary>
    public int Emergencies => Result.People.Sum(p => p.Emergencies.Count);

    /// <summary>Evaluation days of this cohort.</summary>
    public int EvaluationDays => Result.People.Sum(p => p.Split.EvaluationDays.Count);
}
