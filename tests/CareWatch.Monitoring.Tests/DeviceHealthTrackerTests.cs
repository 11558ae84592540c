namespace CareWatch.Monitoring.Tests;

public sealed class DeviceHealthTrackerTests
{
    private static readonly DateTime Noon = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly MonitorOptions Options = new() { NotWornAlertAfter = TimeSpan.FromHours(2), ChargingAlertAfter = TimeSpan.FromHours(3) };

    private static List<DeviceHealthProblem> Feed(DeviceHealthTracker t, DateTime from, int minutes, bool worn, bool charging) =>
        Enumerable.Range(0, minutes).Select(i => t.Observe(from.AddMinutes(i), from.AddMinutes(i), worn, charging)).ToList();

    [Fact]
    public void Observe_OffWristTwoHoursByDay_ReportsNotWornAtTwoHours()
    {
        var tracker = new DeviceHealthTracker(Options);

        var problems = Feed(tracker, Noon, 130, worn: false, charging: false);

        Assert.Equal(119, problems.IndexOf(DeviceHealthProblem.NotWorn));
        Assert.Equal(Noon, tracker.NotWornSince);
    }

    [Fact]
    public void Observe_ChargingAtNight_IsNormal()
    {
        var tracker = new DeviceHealthTracker(Options);

        var problems = Feed(tracker, Noon.Date.AddHours(0), 6 * 60, worn: false, charging: true);

        Assert.All(problems, p => Assert.Equal(DeviceHealthProblem.None, p));
        Assert.Null(tracker.NotWornSince);
    }

    [Fact]
    public void Observe_LeftOnChargerByDay_ReportsLeftCharging()
    {
        var tracker = new DeviceHealthTracker(Options);

        var problems = Feed(tracker, Noon, 200, worn: false, charging: true);

        Assert.Equal(179, problems.IndexOf(DeviceHealthProblem.LeftCharging));
        Assert.DoesNotContain(DeviceHealthProblem.NotWorn, problems);
    }

    [Fact]
    public void Observe_PutBackOn_EndsTheOffWristRun()
    {
        var tracker = new DeviceHealthTracker(Options);
        Feed(tracker, Noon, 150, worn: false, charging: false);

        var problem = tracker.Observe(Noon.AddMinutes(150), Noon.AddMinutes(150), worn: true, charging: false);

        Assert.Equal(DeviceHealthProblem.None, problem);
        Assert.Null(tracker.NotWornSince);
    }

    [Fact]
    public void Observe_ChargedOvernight_CountsOnlyFromTheStartOfTheDay()
    {
        var tracker = new DeviceHealthTracker(Options); // day from 08:00, left-charging after 3 h
        var evening = Noon.Date.AddHours(21);

        var problems = Feed(tracker, evening, 14 * 60 + 5, worn: false, charging: true); // 21:00 to 11:04

        Assert.Equal(14 * 60 - 1, problems.IndexOf(DeviceHealthProblem.LeftCharging)); // at 10:59, not at 08:00
        Assert.Equal(evening, tracker.ChargingSince);
    }

    [Fact]
    public void Observe_WholeDayBandAcrossMidnight_CountsTheWholeRun()
    {
        var tracker = new DeviceHealthTracker(new MonitorOptions { DayStartHour = 0, DayEndHour = 24, NotWornAlertAfter = TimeSpan.FromHours(2) });

        var problems = Feed(tracker, Noon.Date.AddHours(23), 130, worn: false, charging: false); // 23:00 to 01:09

        Assert.Equal(119, problems.IndexOf(DeviceHealthProblem.NotWorn));
    }
}
