using CareWatch.Detection;
using CareWatch.Detection.Evaluation;

namespace CareWatch.Monitoring.Training;

/// <summary>
/// The promotion gate's evaluation: <see cref="PersonEvaluator"/>, the method of ops/eval.sh, on each
/// senior's held-out days — false alarms on their real days, detection delay on emergency copies of them.
/// </summary>
public sealed class HoldoutEvaluator : IModelEvaluator
{
    /// <inheritdoc />
    public ModelEvaluation Evaluate(IDetectorFactory factory, IReadOnlyList<PersonEvaluator.Prepared> people, EvaluationSettings settings)
    {
        var outcomes = people.Select(p => PersonEvaluator.Run(p, factory, settings)).ToList();
        var personMonths = outcomes.Sum(o => o.FalseAlarms.WornMinutes) / (30.0 * 1440);
        var alarms = outcomes.Sum(o => o.FalseAlarms.DayAlerts + o.FalseAlarms.NightAlerts);
        var delays = outcomes.SelectMany(o => o.Delays).ToList();
        return new ModelEvaluation(
            personMonths == 0 ? 0 : alarms / personMonths,
            MedianMinutes(delays.Where(d => d.Day).Select(d => d.Delay)),
            MedianMinutes(delays.Where(d => !d.Day).Select(d => d.Delay)),
            delays.Count == 0 ? 0 : (double)delays.Count(d => d.Delay is null) / delays.Count,
            delays.Count,
            personMonths);
    }

    // Found delays only; misses are counted in the miss rate.
    private static double MedianMinutes(IEnumerable<TimeSpan?> delays)
    {
        var found = delays.OfType<TimeSpan>().Select(d => d.TotalMinutes).Order().ToArray();
        return found.Length == 0 ? 0 : found[found.Length / 2];
    }
}
