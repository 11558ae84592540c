using CareWatch.Detection.Baselines;

namespace CareWatch.Evaluation.Method;

/// <summary>The timer baselines of issue 4, evaluated in every run.</summary>
public static class Baselines
{
    /// <summary>Fixed "no movement for X h" timers for X = 1, 2, 3, 4, 6, 8, 12, and one 3 h day / 10 h night timer.</summary>
    public static IReadOnlyList<DetectorEntry> All { get; } =
    [
        .. new[] { 1, 2, 3, 4, 6, 8, 12 }.Select(h => new DetectorEntry(TimerDetectorFactory.Fixed(TimeSpan.FromHours(h)), DetectorKind.FixedTimer)),
        new DetectorEntry(new TimerDetectorFactory(TimeSpan.FromHours(3), TimeSpan.FromHours(10)), DetectorKind.BandTimer),
    ];
}
