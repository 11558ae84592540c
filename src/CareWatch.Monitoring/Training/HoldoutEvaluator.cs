using CareWatch.Detection;
using CareWatch.Detection.Evaluation;

namespace CareWatch.Monitoring.Training;

/// <summary>
/// The promotion gate's evaluation: <see cref="PersonEvaluator"/>, the method of ops/eval.sh, on each senior's
/// held-out days, with the check-in in the loop as the report measures it — staff false alarms and prompts on
/// their real days, onset-to-staff delay on emergency copies of them (nobody answers).
/// </summary>
public sealed class HoldoutEvaluator : IModelEvaluator
{
    /// <inheritdoc />
    public ModelEvaluation Evaluate(IDetectorFactory factory, IReadOnlyList<PersonEvaluator.Prepared> people, EvaluationSettings settings)
    {
        var outcomes = people.Select(p => PersonEvaluator.Run(p, factory, settings)).ToList();
        var wornMinutes = outcomes.Sum(o => (double)o.CheckIn.WornMinutes);
        var personMonths = wornMinutes / (30.0 * 1440);
        var staff = outcomes.Sum(o => o.CheckIn.DayStaffAlarms + o.CheckIn.NightStaffAlarms);
        var delays = outcomes.SelectMany(o => o.StaffDelays).ToList();
        return new ModelEvaluation(
            personMonths == 0 ? 0 : staff / personMonths,
            MedianMinutes(delays.Where(d => d.Day).Select(d => d.Delay)),
            MedianMinutes(delays.Where(d => !d.Day).Select(d => d.Delay)),
            delays.Count == 0 ? 0 : (double)delays.Count(d => d.Delay is null) / delays.Count,
            delays.Count,
            personMonths)
        {
            DayPromptsPerPersonDay = wornMinutes == 0 ? 0 : outcomes.Sum(o => o.CheckIn.DayPrompts) / (wornMinutes / 1440),
            NightPromptsPerPersonMonth = personMonths == 0 ? 0 : outcomes.Sum(o => o.CheckIn.NightPrompts) / personMonths,
        };
    }

    // Found delays only; misses are counted in the miss rate.
    private static double MedianMinutes(IEnumerable<TimeSpan?> delays)
    {
        var found = delays.OfType<TimeSpan>().Select(d => d.TotalMinutes).Order().ToArray();
        return found.Length == 0 ? 0 : found[found.Length / 2];
    }
}
