using CareWatch.Detection;

namespace CareWatch.Evaluation.Method;

/// <summary>
/// Trains the learned model once on the population's training histories (training days only) and returns
/// one factory per sensitivity; they are drawn as a curve in the report.
/// </summary>
public delegate IEnumerable<IDetectorFactory> ModelHook(IReadOnlyList<PersonHistory> trainingHistories);
