using CareWatch.Detection;

namespace CareWatch.Evaluation.Method;

/// <summary>What a detector is, for the report: a point or a point on the model's curve.</summary>
public enum DetectorKind
{
    /// <summary>"No movement for X h", day and night alike.</summary>
    FixedTimer,
    /// <summary>A timer with a day and a night limit.</summary>
    BandTimer,
    /// <summary>One sensitivity of the learned model.</summary>
    Model,
}

/// <summary>A detector factory with its kind.</summary>
/// <param name="Factory">Makes per-person detectors.</param>
/// <param name="Kind">How the report shows it.</param>
/// <param name="Stage">Its own two-stage policy, when it differs from the run's.</param>
public sealed record DetectorEntry(IDetectorFactory Factory, DetectorKind Kind, CareWatch.Detection.CheckIn.StagePolicy? Stage = null)
{
    /// <summary>The factory's name, and the policy when it is not the run's.</summary>
    public string Name => Stage is { FloorCallsStaff: true } ? $"{Factory.Name}, floor calls staff" : Factory.Name;
}
