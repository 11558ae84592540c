using CareWatch.Monitoring.Tests.Support;
using CareWatch.Protocol;
using CareWatch.Storage;
using static CareWatch.Monitoring.Tests.Support.MonitorRig;

namespace CareWatch.Monitoring.Tests;

public sealed class SeniorMonitorTests
{
    private static readonly DateTime Morning = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc); // day band (UTC senior)

    private static async Task<MonitorRig> StartedAsync(DateTime now, List<Storage.StoredMinute>? stored = null)
    {
        var rig = new MonitorRig(now);
        await rig.Monitor.StartAsync(Rule(), stored ?? [], CancellationToken.None);
        return rig;
    }

    [Fact]
    public async Task ObserveMinutes_LiveStillnessBeyondLimit_RaisesOneInactivityAlert()
    {
        var rig = await StartedAsync(Morning);

        await rig.LiveAsync([.. Minutes(Morning, 3, 200), .. Minutes(Morning.AddMinutes(3), 20, 0)]);

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Equal((AlertKinds.Inactivity, Morning.AddMinutes(3)), (alert.Request.Kind, alert.Request.StillSince));
        Assert.True(rig.Monitor.Snapshot.InactivityAlertOpen);
    }

    [Fact]
    public async Task ObserveMinutes_MovementAfterRaise_ClearsWithTheMinuteOfMovement()
    {
        var rig = await StartedAsync(Morning);
        await rig.LiveAsync([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 15, 0)]);

        await rig.LiveAsync(Minutes(Morning.AddMinutes(16), 1, 300));

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Equal(Morning.AddMinutes(16), alert.EndedAt);
        Assert.False(rig.Monitor.Snapshot.InactivityAlertOpen);
    }

    [Fact]
    public async Task ObserveMinutes_ReplayedBufferWhoseStillnessEnded_RaisesNothing()
    {
        var rig = await StartedAsync(Morning.AddHours(3));

        await rig.Monitor.ObserveMinutesAsync([.. Minutes(Morning, 30, 0), .. Minutes(Morning.AddMinutes(30), 5, 250)], false, default);

        Assert.Empty(rig.Alerts.Rows);
        Assert.Equal(Morning.AddMinutes(34), rig.Monitor.Snapshot.LastMinute);
    }

    [Fact]
    public async Task ObserveMinutes_ReplayedBufferStillGoing_RaisesOnlyWhenItReachesThePresent()
    {
        var now = Morning.AddHours(3);
        var rig = await StartedAsync(now);
        var onset = now.AddHours(-2);

        await rig.Monitor.ObserveMinutesAsync([.. Minutes(onset.AddMinutes(-5), 5, 250), .. Minutes(onset, 60, 0)], false, default);
        var afterOldBatch = rig.Alerts.Rows.Count;
        await rig.Monitor.ObserveMinutesAsync(Minutes(onset.AddMinutes(60), 59, 0), false, default);

        Assert.Equal(0, afterOldBatch);
        Assert.Equal(onset, Assert.Single(rig.Alerts.Rows).Request.StillSince);
    }

    [Fact]
    public async Task Start_AfterRestartWithAlertOpen_ReplayDoesNotClearOrDuplicate()
    {
        var rig = await StartedAsync(Morning);
        await rig.LiveAsync([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 30, 0)]);
        var stored = new List<Storage.StoredMinute>([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 30, 0)]);

        rig.NewMonitor();
        await rig.Monitor.StartAsync(Rule(), stored, default);

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Null(alert.ClearedAt);
        Assert.True(rig.Monitor.Snapshot.InactivityAlertOpen);
    }

    [Fact]
    public async Task Start_AfterRestart_OlderMovementFromSecondWatchDoesNotClearTheAlert()
    {
        var rig = await StartedAsync(Morning);
        await rig.LiveAsync([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 30, 0)]);
        // A second watch uploads, later, a moving minute from before the alert was raised.
        var stored = new List<Storage.StoredMinute>([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 30, 0)]);
        stored[10] = stored[10] with { Movement = 400 };

        rig.NewMonitor();
        await rig.Monitor.StartAsync(Rule(), stored, default);

        Assert.Null(Assert.Single(rig.Alerts.Rows).ClearedAt);
    }

    [Fact]
    public async Task Start_StillnessGoingAndNoAlertStored_RaisesTheDecisionLostInTheRestart()
    {
        var now = Morning.AddMinutes(40);
        var rig = new MonitorRig(now);

        await rig.Monitor.StartAsync(Rule(), [.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 39, 0)], default);

        Assert.Equal(Morning.AddMinutes(1), Assert.Single(rig.Alerts.Rows).Request.StillSince);
    }

    [Fact]
    public async Task Raise_WriteFailsThenDatabaseBack_AlertStoredOnRetry()
    {
        var rig = await StartedAsync(Morning);
        rig.Alerts.Failing = true;
        await rig.LiveAsync([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 15, 0)]);
        var whileFailing = rig.Alerts.Rows.Count;
        var pending = rig.Monitor.HasPendingWork;

        rig.Alerts.Failing = false;
        await rig.Monitor.RetryAsync(default);

        Assert.Equal((0, true), (whileFailing, pending));
        Assert.Equal(AlertKinds.Inactivity, Assert.Single(rig.Alerts.Rows).Request.Kind);
        Assert.False(rig.Monitor.HasPendingWork);
    }

    [Fact]
    public async Task ObserveEvents_SosWhileDatabaseDown_RaisedOnRetryWithThePressTime()
    {
        var rig = await StartedAsync(Morning);
        rig.Alerts.Failing = true;
        var pressed = Morning.AddSeconds(-20);
        await rig.Monitor.ObserveEventsAsync([new DeviceEvent(pressed, DeviceEventKind.Sos)], default);

        rig.Alerts.Failing = false;
        await rig.Monitor.RetryAsync(default);

        var sos = Assert.Single(rig.Alerts.Rows);
        Assert.Equal((AlertKinds.Sos, pressed), (sos.Request.Kind, sos.Request.StartedAt));
    }

    [Fact]
    public async Task Start_SosStoredButItsAlertLostWithTheNode_RaisedByTheNextMonitor()
    {
        var rig = new MonitorRig(Morning);
        rig.Alerts.Unalerted.Add(new UnalertedEvent(Morning.AddMinutes(-3), AlertKinds.Sos));

        await rig.Monitor.StartAsync(Rule(), [], default);

        Assert.Equal((AlertKinds.Sos, Morning.AddMinutes(-3)), (Assert.Single(rig.Alerts.Rows).Request.Kind, rig.Alerts.Rows[0].Request.StartedAt));
    }

    [Fact]
    public async Task Start_NewModelMidEpisode_KeepsTheOpenAlertAndRaisesNoSecond()
    {
        var rig = await StartedAsync(Morning);
        var minutes = new List<Storage.StoredMinute>([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 20, 0)]);
        await rig.LiveAsync(minutes);

        await rig.Monitor.StartAsync(Rule(version: 2), minutes, default);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(21), 5, 0));

        var alert = Assert.Single(rig.Alerts.Rows);
        Assert.Equal((2, true), (rig.Monitor.ModelVersion, rig.Monitor.Snapshot.InactivityAlertOpen));
        Assert.Equal(new AlertFacts(Detection.AlertTrigger.FixedRule, 10, null, 2), alert.Request.Facts); // names the detector now
    }

    [Fact]
    public async Task ObserveMinutes_OffWristByDay_RaisesNotWornThenClearsWhenWornAgain()
    {
        var rig = await StartedAsync(Morning);

        await rig.LiveAsync(Minutes(Morning, 31, 0, worn: false));
        var raised = rig.Alerts.Open.Select(a => a.Kind).ToList();
        await rig.LiveAsync(Minutes(Morning.AddMinutes(31), 1, 200));

        Assert.Equal([AlertKinds.NotWorn], raised);
        Assert.Equal(Morning.AddMinutes(31), Assert.Single(rig.Alerts.Rows).EndedAt);
        Assert.DoesNotContain(rig.Alerts.Rows, r => r.Request.Kind == AlertKinds.Inactivity);
    }

    [Fact]
    public async Task ObserveMinutes_LeftOnTheChargerByDay_RaisesLeftChargingNotInactivity()
    {
        var rig = await StartedAsync(Morning);

        await rig.LiveAsync(Minutes(Morning, 31, 0, worn: false), charging: true);

        Assert.Equal([AlertKinds.LeftCharging], rig.Alerts.Open.Select(a => a.Kind));
    }

    [Fact]
    public async Task ObserveMinutes_SpareOnTheChargerWhileTheOtherIsWorn_RaisesNothing()
    {
        var rig = await StartedAsync(Morning);

        foreach (var minute in Minutes(Morning, 40, 0, worn: false))
        {
            rig.Time.SetUtcNow(new DateTimeOffset(minute.Start.AddMinutes(1), TimeSpan.Zero));
            await rig.Monitor.ObserveMinutesAsync([minute], charging: true, default);
            await rig.Monitor.ObserveMinutesAsync([minute with { Movement = 150, Worn = true }], false, default);
        }

        Assert.Empty(rig.Alerts.Rows);
    }

    [Fact]
    public async Task ObserveMinutes_SpareWatchOnTheTableBesideAWornOne_IsOneMovingSenior()
    {
        var rig = await StartedAsync(Morning);

        foreach (var minute in Minutes(Morning, 40, 0, worn: false))
        {
            rig.Time.SetUtcNow(new DateTimeOffset(minute.Start.AddMinutes(1), TimeSpan.Zero));
            await rig.Monitor.ObserveMinutesAsync([minute], charging: false, default); // the spare, on the table
            await rig.Monitor.ObserveMinutesAsync([minute with { Movement = 150, Worn = true }], false, default);
        }

        Assert.Empty(rig.Alerts.Rows);
        Assert.Null(rig.Monitor.Snapshot.StillSince);
    }

    [Fact]
    public async Task ObserveMinutes_LateMovementFromSecondWatch_EndsTheStillPeriodItInterrupts()
    {
        var rig = await StartedAsync(Morning);
        await rig.LiveAsync([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 8, 0)]);

        // The other watch, worn, catches up: she moved at minute 5.
        await rig.Monitor.ObserveMinutesAsync([new Storage.StoredMinute(Morning.AddMinutes(5), 300, true)], false, default);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(9), 5, 0));

        Assert.Equal(Morning.AddMinutes(6), rig.Monitor.Snapshot.StillSince);
        Assert.Empty(rig.Alerts.Rows); // 8 still minutes since 09:06, under the 10 min limit
    }

    [Fact]
    public async Task ReportOffline_ThenDataAgain_RaisesAndClearsOffline()
    {
        var rig = await StartedAsync(Morning);
        await rig.LiveAsync(Minutes(Morning, 1, 200));

        await rig.Monitor.ReportOfflineAsync(Morning.AddMinutes(1), default);
        var reported = rig.Alerts.Open.Select(a => a.Kind).ToList();
        await rig.Monitor.ReportOfflineAsync(Morning.AddMinutes(1), default);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(60), 1, 200));

        Assert.Equal([AlertKinds.Offline], reported);
        Assert.NotNull(Assert.Single(rig.Alerts.Rows).ClearedAt);
    }

    [Fact]
    public async Task ObserveMinutes_StillAtNight_UsesTheNightLimit()
    {
        var night = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        var rig = await StartedAsync(night);

        await rig.LiveAsync([.. Minutes(night, 1, 200), .. Minutes(night.AddMinutes(1), 30, 0)]);
        var afterHalfAnHour = rig.Alerts.Rows.Count;
        await rig.LiveAsync(Minutes(night.AddMinutes(31), 31, 0));

        Assert.Equal(0, afterHalfAnHour);
        Assert.Single(rig.Alerts.Rows);
    }
}
