using CareWatch.Detection;

namespace CareWatch.Evaluation.Method;

/// <summary>
/// Trains the learned model once on the population's training histories (training days only) and returns
/// one entry per sensitivity (of kind <see cref="DetectorKind.Model"/>); they are drawn as a curve in the report.
/// </summary>
public delegate IEnumerable<DetectorEntry> ModelHook(IReadOnlyList<PersonHistory> trainingHistories);
