using System.Text.Json;

namespace CareWatch.Monitoring.Training;

/// <summary>
/// A model's figures on held-out days with the check-in in the loop (the two-stage figures of docs/detection.md):
/// staff false alarms on real days, onset-to-staff delays on injected emergencies (nobody answers), prompt burden.
/// </summary>
public sealed record ModelEvaluation(
    double StaffFalseAlarmsPerPersonMonth,
    double MedianDayToStaffMinutes,
    double MedianNightToStaffMinutes,
    double MissRate,
    int Emergencies,
    double PersonMonths)
{
    /// <summary>Prompts shown by day per person-day.</summary>
    public double DayPromptsPerPersonDay { get; init; }

    /// <summary>Prompts shown at night per person-month.</summary>
    public double NightPromptsPerPersonMonth { get; init; }

    /// <summary>
    /// Worse means more staff false alarms, slower staff alarms, more prompts beyond a small tolerance (10%, and
    /// 0.05 alarms, 5 minutes, 0.05 prompts a day or 0.2 a month), or more misses: noise between two equally good
    /// models must not block promotion.
    /// </summary>
    public bool IsWorseThan(ModelEvaluation inService) =>
        StaffFalseAlarmsPerPersonMonth > inService.StaffFalseAlarmsPerPersonMonth * 1.1 + 0.05
        || MedianDayToStaffMinutes > inService.MedianDayToStaffMinutes * 1.1 + 5
        || MedianNightToStaffMinutes > inService.MedianNightToStaffMinutes * 1.1 + 5
        || DayPromptsPerPersonDay > inService.DayPromptsPerPersonDay * 1.1 + 0.05
        || NightPromptsPerPersonMonth > inService.NightPromptsPerPersonMonth * 1.1 + 0.2
        || MissRate > inService.MissRate + 0.01;

    /// <summary>JSON for the model registry.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}

/// <summary>Evaluates a detector factory on people's held-out days (the same method as ops/eval.sh).</summary>
public interface IModelEvaluator
{
    /// <summary>
    /// Trains nothing: creates each person's detector from their training days and measures it, check-in included,
    /// on their held-out days and the emergencies injected into them.
    /// </summary>
    ModelEvaluation Evaluate(Detection.IDetectorFactory factory, IReadOnlyList<Detection.Evaluation.PersonEvaluator.Prepared> people,
        Detection.Evaluation.EvaluationSettings settings);
}
