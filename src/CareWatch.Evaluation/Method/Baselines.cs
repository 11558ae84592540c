using CareWatch.Detection.Baselines;

namespace CareWatch.Evaluation.Method;

/// <summary>The timer baselines of issue 4, evaluated in every run.</summary>
public static class Baselines
{
    /// <summary>
    /// Fixed "no movement for X" timers for X = 30 min, 45 min, 1, 2, 3, 4, 6, 8, 12 h, and one 3 h day / 10 h night
    /// timer. The short ones are there for the check-in: a timer that asks first is the fair rival of the model that does.
    /// </summary>
    public static IReadOnlyList<DetectorEntry> All { get; } =
    [
        .. new[] { 30, 45 }.Select(m => new DetectorEntry(TimerDetectorFactory.Fixed(TimeSpan.FromMinutes(m)), DetectorKind.FixedTimer)),
        .. new[] { 1, 2, 3, 4, 6, 8, 12 }.Select(h => new DetectorEntry(TimerDetectorFactory.Fixed(TimeSpan.FromHours(h)), DetectorKind.FixedTimer)),
        new DetectorEntry(new TimerDetectorFactory(TimeSpan.FromHours(3), TimeSpan.FromHours(10)), DetectorKind.BandTimer),
    ];
}
