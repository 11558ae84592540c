
namespace CareWatch.Detection.Evaluation;

/// <summary>
/// A person's recording cut by local calendar day: the first share of their days (<see cref="TrainFraction"/> in the benchmark)
/// (rounded down, at least <see cref="MinimumTrainDays"/> when at least one day is left) train, the rest evaluate.
/// </summary>
/// <param name="Minutes">The whole recording.</param>
/// <param name="EvaluationStart">Index of the first evaluation minute; everything before it is training.</param>
/// <param name="TrainingDays">Local dates used for training.</param>
/// <param name="EvaluationDays">Local dates evaluated.</param>
public sealed record PersonSplit(
    IReadOnlyList<ActivityMinute> Minutes, int EvaluationStart, IReadOnlyList<DateOnly> TrainingDays, IReadOnlyList<DateOnly> EvaluationDays)
{
    /// <summary>Share of a person's days used for training in the benchmark.</summary>
    public const double TrainFraction = 0.6;

    /// <summary>Fewest training days, when the recording allows it.</summary>
    public const int MinimumTrainDays = 7;

    /// <summary>The training minutes only.</summary>
    public ArraySegment<ActivityMinute> Training => Segment(0, EvaluationStart);

    /// <summary>The evaluation minutes only.</summary>
    public ArraySegment<ActivityMinute> Evaluation => Segment(EvaluationStart, Minutes.Count - EvaluationStart);

    /// <summary>UTC start of evaluation time.</summary>
    public DateTime EvaluationStartUtc => Minutes[EvaluationStart].Utc;

    /// <summary>Splits <paramref name="minutes"/>; null when there is nothing left to evaluate.</summary>
    public static PersonSplit? Create(ActivityMinute[] minutes, double trainFraction = TrainFraction)
    {
        var days = minutes.Select(m => DateOnly.FromDateTime(m.Local)).Distinct().Order().ToList();
        var train = (int)Math.Floor(days.Count * trainFraction);
        if (train < MinimumTrainDays) train = Math.Min(MinimumTrainDays, days.Count - 1);
        if (train < 1 || train >= days.Count) return null;
        var firstEvalDay = days[train];
        var start = Array.FindIndex(minutes, m => DateOnly.FromDateTime(m.Local) >= firstEvalDay);
        return new PersonSplit(minutes, start, days[..train], days[train..]);
    }

    private ArraySegment<ActivityMinute> Segment(int offset, int count) =>
        new((ActivityMinute[])Minutes, offset, count);
}
