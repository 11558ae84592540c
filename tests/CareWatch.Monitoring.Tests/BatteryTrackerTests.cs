namespace CareWatch.Monitoring.Tests;

public sealed class BatteryTrackerTests
{
    private static readonly DateTime T = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static BatteryReading Reading(int level, int minute = 0, string device = "w1", bool charging = false) =>
        new(device, level, charging, T.AddMinutes(minute));

    [Fact]
    public void Observe_BelowTheLevel_LowSinceTheFirstLowReading()
    {
        var tracker = new BatteryTracker();

        tracker.Observe(Reading(20), 15);
        tracker.Observe(Reading(14, 5), 15);

        Assert.Equal(T.AddMinutes(5), tracker.Observe(Reading(12, 10), 15));
    }

    [Fact]
    public void Observe_ChargingOrChargedPastTheHysteresis_NoLongerLow()
    {
        var tracker = new BatteryTracker();
        tracker.Observe(Reading(10), 15);

        Assert.NotNull(tracker.Observe(Reading(18, 5), 15)); // above 15, not yet 15 + 5: still low
        Assert.Null(tracker.Observe(Reading(20, 10), 15));
        tracker.Observe(Reading(10, 15), 15);
        Assert.Null(tracker.Observe(Reading(10, 20, charging: true), 15));
    }

    [Fact]
    public void Observe_TwoWatches_LowWhileEitherIs()
    {
        var tracker = new BatteryTracker();

        tracker.Observe(Reading(10, 0, "worn"), 15);
        Assert.Equal(T, tracker.Observe(Reading(90, 1, "spare"), 15)); // the spare is full; the worn one is not
        Assert.Null(tracker.Observe(Reading(60, 2, "worn", charging: true), 15));
    }
}
