
using CareWatch.Detection.CheckIn;

namespace CareWatch.Detection.Evaluation;

/// <summary>The knobs of one evaluation run; the same settings and seed give the same figures.</summary>
/// <param name="Seed">Seeds onsets and resting draws (and the simulated cohort).</param>
/// <param name="EmergenciesPerDay">Onsets drawn per evaluation day.</param>
/// <param name="MaxParallelism">People evaluated at once (the machine has 2 cores).</param>
public sealed record EvaluationSettings(int Seed = 20240, int EmergenciesPerDay = 4, int MaxParallelism = 2)
{
    /// <summary>Day band used for reporting (08–22 h).</summary>
    public DayBand Band { get; init; } = DayBand.Default;

    /// <summary>Share of each person's days that train; the rest evaluate.</summary>
    public double TrainFraction { get; init; } = PersonSplit.TrainFraction;

    /// <summary>How seniors who are fine answer the check-in (the two-stage figures).</summary>
    public AnswerModel Answers { get; init; } = AnswerModel.Default;

    /// <summary>Further answer models to measure the untouched days under (the report's sweep; empty for the gate).</summary>
    public IReadOnlyList<AnswerModel> AnswerSweep { get; init; } = [];

    /// <summary>Which alerts ask first and which call staff at once.</summary>
    public StagePolicy Stage { get; init; } = StagePolicy.Default;

    /// <summary>A stable per-person seed: string.GetHashCode is randomised per process, FNV-1a is not.</summary>
    public int PersonSeed(string personId)
    {
        var hash = 2166136261u ^ (uint)Seed;
        foreach (var c in personId) { hash ^= c; hash *= 16777619u; }
        return (int)(hash & 0x7fffffff);
    }
}
