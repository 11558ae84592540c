namespace CareWatch.Monitoring.Training;

/// <summary>The outcome of one training run.</summary>
/// <param name="Version">The stored model version.</param>
/// <param name="Promoted">Whether it is now in service.</param>
/// <param name="Reason">Why it was or was not promoted, in words.</param>
/// <param name="People">Seniors trained on.</param>
/// <param name="Days">Days of data trained on, in all.</param>
/// <param name="TrainingSeconds">Wall time of the ML.NET training.</param>
/// <param name="Candidate">The new model's figures.</param>
/// <param name="InService">The figures of the model it was compared with (null: none in service).</param>
public sealed record TrainingReport(
    int Version, bool Promoted, string Reason, int People, double Days, double TrainingSeconds,
    ModelEvaluation Candidate, ModelEvaluation? InService);

/// <summary>Thrown when there is not enough history to train a model.</summary>
public sealed class NotEnoughHistoryException(string message) : Exception(message);
