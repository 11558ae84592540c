namespace CareWatch.Monitoring.Tests;

public sealed class StillnessTrackerTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly MonitorOptions Options = new()
    {
        StillMovementThreshold = 5,
        StillAlertAfter = TimeSpan.FromMinutes(30),
        MaxGapInsideStillPeriod = TimeSpan.FromMinutes(10),
    };

    private static List<StillnessChange> Feed(StillnessTracker tracker, int fromMinute, int count, int movement, bool worn = true) =>
        Enumerable.Range(fromMinute, count).Select(i => tracker.Observe(T0.AddMinutes(i), movement, worn)).ToList();

    [Fact]
    public void Observe_StillForThreshold_RaisesOnceAtTheThresholdMinute()
    {
        var tracker = new StillnessTracker(Options);
        Feed(tracker, 0, 5, movement: 80);

        var changes = Feed(tracker, 5, 40, movement: 2);

        Assert.Equal(1, changes.Count(c => c == StillnessChange.ThresholdReached));
        Assert.Equal(29, changes.IndexOf(StillnessChange.ThresholdReached)); // minutes 5..34 make 30 min
        Assert.Equal(T0.AddMinutes(5), tracker.StillSince);
        Assert.True(tracker.IsAlerting);
    }

    [Fact]
    public void Observe_MovementAfterAlert_ReportsResumedAndEndsStillPeriod()
    {
        var tracker = new StillnessTracker(Options);
        Feed(tracker, 0, 31, movement: 0);

        var change = tracker.Observe(T0.AddMinutes(31), 120, true);

        Assert.Equal(StillnessChange.MovementResumed, change);
        Assert.Null(tracker.StillSince);
        Assert.False(tracker.IsAlerting);
    }

    [Fact]
    public void Observe_MovementWithoutAlert_ReportsNothing()
    {
        var tracker = new StillnessTracker(Options);
        Feed(tracker, 0, 10, movement: 0);

        Assert.Equal(StillnessChange.None, tracker.Observe(T0.AddMinutes(10), 50, true));
    }

    [Fact]
    public void Observe_NotWorn_IsNeverInactivity()
    {
        var tracker = new StillnessTracker(Options);

        var changes = Feed(tracker, 0, 120, movement: 0, worn: false);

        Assert.DoesNotContain(StillnessChange.ThresholdReached, changes);
        Assert.Null(tracker.StillSince);
    }

    [Fact]
    public void Observe_LongGapInsideStillness_RestartsThePeriod()
    {
        var tracker = new StillnessTracker(Options);
        Feed(tracker, 0, 20, movement: 0);

        var changes = Feed(tracker, 50, 20, movement: 0); // 30-minute hole: no data is not stillness

        Assert.DoesNotContain(StillnessChange.ThresholdReached, changes);
        Assert.Equal(T0.AddMinutes(50), tracker.StillSince);
    }

    [Fact]
    public void Observe_ReplayedMinute_IsIgnored()
    {
        var tracker = new StillnessTracker(Options);
        Feed(tracker, 0, 10, movement: 0);

        var change = tracker.Observe(T0.AddMinutes(3), 500, true);

        Assert.Equal(StillnessChange.None, change);
        Assert.Equal(T0, tracker.StillSince);
        Assert.Equal(T0.AddMinutes(9), tracker.LastMinute);
    }
}
