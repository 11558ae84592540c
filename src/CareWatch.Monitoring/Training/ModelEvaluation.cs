using System.Text.Json;

namespace CareWatch.Monitoring.Training;

/// <summary>A model's figures on held-out days: false alarms on real days, delays on injected emergencies.</summary>
public sealed record ModelEvaluation(
    double FalseAlarmsPerPersonMonth,
    double MedianDayDelayMinutes,
    double MedianNightDelayMinutes,
    double MissRate,
    int Emergencies,
    double PersonMonths)
{
    /// <summary>
    /// Worse means more false alarms or slower detection beyond a small tolerance (10%, and 0.05 alarms or
    /// 5 minutes), or more misses: noise between two equally good models must not block promotion.
    /// </summary>
    public bool IsWorseThan(ModelEvaluation inService) =>
        FalseAlarmsPerPersonMonth > inService.FalseAlarmsPerPersonMonth * 1.1 + 0.05
        || MedianDayDelayMinutes > inService.MedianDayDelayMinutes * 1.1 + 5
        || MedianNightDelayMinutes > inService.MedianNightDelayMinutes * 1.1 + 5
        || MissRate > inService.MissRate + 0.01;

    /// <summary>JSON for the model registry.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}

/// <summary>Evaluates a detector factory on people's held-out days (the same method as ops/eval.sh).</summary>
public interface IModelEvaluator
{
    /// <summary>
    /// Trains nothing: creates each person's detector from their training days and measures it on their
    /// held-out days and the emergencies injected into them.
    /// </summary>
    ModelEvaluation Evaluate(Detection.IDetectorFactory factory, IReadOnlyList<Detection.Evaluation.PersonEvaluator.Prepared> people,
        Detection.Evaluation.EvaluationSettings settings);
}
