using CareWatch.Monitoring.Tests.Support;
using CareWatch.Storage.Alerts;
using static CareWatch.Monitoring.Tests.Support.MonitorRig;

namespace CareWatch.Monitoring.Tests;

public sealed class SeniorMonitorLowBatteryTests
{
    private static readonly DateTime Morning = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc); // day band (UTC senior)
    private static readonly DateTime Night = new(2026, 3, 2, 23, 0, 0, DateTimeKind.Utc);

    private static async Task<MonitorRig> StartedAsync(DateTime now)
    {
        var rig = new MonitorRig(now);
        await rig.Monitor.StartAsync(Rule(), [], CancellationToken.None);
        return rig;
    }

    private static Task BatteryAsync(MonitorRig rig, int level, bool charging = false, string device = "w1") =>
        rig.Monitor.ObserveBatteryAsync(new BatteryReading(device, level, charging, rig.Now), CancellationToken.None);

    [Fact]
    public async Task ObserveBattery_BelowTheBureauLevelByDay_OneLowBatteryAlert()
    {
        var rig = await StartedAsync(Morning);
        rig.Alerts.LowBatteryPercent = 20;

        await BatteryAsync(rig, 25);
        rig.Time.Advance(TimeSpan.FromMinutes(4));
        await BatteryAsync(rig, 19);
        rig.Time.Advance(TimeSpan.FromMinutes(4));
        await BatteryAsync(rig, 17);

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Equal((AlertKinds.LowBattery, Morning.AddMinutes(4), AlertStates.Open),
            (alert.Request.Kind, alert.Request.StartedAt, alert.State));
        Assert.Contains("19 %", alert.Request.Explanation);
        Assert.Equal(1, rig.Alerts.LowBatteryReads); // the level is kept 10 min, not read per batch
    }

    [Fact]
    public async Task ObserveBattery_ChargedAgain_AutoResolved()
    {
        var rig = await StartedAsync(Morning);
        await BatteryAsync(rig, 10);

        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await BatteryAsync(rig, 11, charging: true);

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Equal((AlertStates.Resolved, Morning.AddMinutes(5)), (alert.State, alert.EndedAt));
    }

    [Fact]
    public async Task ObserveBattery_LowAtNight_AlertWaitsForTheDay()
    {
        var rig = await StartedAsync(Night);

        await BatteryAsync(rig, 10);
        Assert.Empty(rig.Alerts.Rows);
        rig.Time.SetUtcNow(new DateTimeOffset(Night.AddHours(9), TimeSpan.Zero)); // 08:00 next morning
        await BatteryAsync(rig, 8);

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Equal(Night, alert.Request.StartedAt); // low since the evening
    }

    [Fact]
    public async Task ObserveBattery_ReplayedOldReading_RaisesNothing()
    {
        var rig = await StartedAsync(Morning);

        await rig.Monitor.ObserveBatteryAsync(new BatteryReading("w1", 5, false, Morning.AddHours(-3)), CancellationToken.None);

        Assert.Empty(rig.Alerts.Rows);
    }

    [Fact]
    public async Task ObserveBattery_AfterRestartStillLow_NoSecondAlertAndResolvedWhenCharged()
    {
        var rig = await StartedAsync(Morning);
        await BatteryAsync(rig, 10);
        rig.NewMonitor();
        await rig.Monitor.StartAsync(Rule(), [], CancellationToken.None);

        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await BatteryAsync(rig, 9);
        Assert.Single(rig.Alerts.Rows);
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await BatteryAsync(rig, 80);

        Assert.Equal(AlertStates.Resolved, Assert.Single(rig.Alerts.Rows).State);
    }
}
