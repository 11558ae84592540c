using CareWatch.Monitoring;
using CareWatch.Server.Apis;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Board;

namespace CareWatch.Server.Tests.Apis;

/// <summary>SeniorStates.View: the precedence of the tile's states and the facts each one needs (no server).</summary>
public sealed class SeniorStatesTests
{
    private static readonly DateTime Noon = new(2026, 12, 2, 11, 0, 0, DateTimeKind.Utc); // 12:00 in Berlin
    private static readonly DateTime Midnight = new(2026, 12, 2, 23, 30, 0, DateTimeKind.Utc); // 00:30 in Berlin
    private static readonly MonitorOptions Options = new(); // day band 08:00–22:00

    private static SeniorStateRecord Senior(DateTime now) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Hilde", "Europe/Berlin", LowBatteryPercent: 15, Watches: 1, DeviceId: "w1",
        LastSeenAt: now.AddMinutes(-1), Battery: 70, Charging: false, Worn: true, LastConnectedAt: now.AddHours(-2),
        LastDisconnectedAt: null, StillSince: null, StillKnownUntil: null, Alert: null, ActiveKinds: []);

    [Fact]
    public void View_StillByDayAndAtNight_StillOrSleepWindowFromItsStart()
    {
        var day = Senior(Noon) with { StillSince = Noon.AddMinutes(-40), StillKnownUntil = Noon.AddMinutes(-1) };
        var night = Senior(Midnight) with
        {
            StillSince = Midnight.AddHours(-2), StillKnownUntil = Midnight.AddMinutes(-1),
        };

        var byDay = SeniorStates.View(day, true, Noon, Options);
        var atNight = SeniorStates.View(night, true, Midnight, Options);

        Assert.Equal((SeniorState.Still, Noon.AddMinutes(-40)), (byDay.State, byDay.StillSince));
        Assert.Equal((SeniorState.SleepWindow, Midnight.AddHours(-2)), (atNight.State, atNight.Since));
    }

    [Fact]
    public void View_StillPeriodReportedLongAgo_NotShownAsStill()
    {
        var stale = Senior(Noon) with { StillSince = Noon.AddHours(-3), StillKnownUntil = Noon.AddMinutes(-40) };

        var view = SeniorStates.View(stale, true, Noon, Options);

        Assert.Equal((SeniorState.Active, null), (view.State, view.StillSince));
    }

    [Fact]
    public void View_ConnectionEndedOrReplaced_OfflineOnlyWhileNoNewerConnection()
    {
        var left = Senior(Noon) with { LastDisconnectedAt = Noon.AddMinutes(-5) };
        var back = left with { LastConnectedAt = Noon.AddMinutes(-2) };

        Assert.Equal((SeniorState.Offline, Noon.AddMinutes(-5)),
            (SeniorStates.View(left, false, Noon, Options).State, SeniorStates.View(left, false, Noon, Options).Since));
        Assert.Equal(SeniorState.Active, SeniorStates.View(back, false, Noon, Options).State);
        Assert.Equal(SeniorState.Active, SeniorStates.View(left, true, Noon, Options).State); // held by this gateway
    }

    [Fact]
    public void View_Alerts_EmergencyBeforeCheckInBeforeDeviceHealth()
    {
        var checking = new BoardAlert(1, AlertKinds.Inactivity, AlertStates.Checking, AlertSeverity.High,
            Noon.AddHours(-2));
        var sos = new BoardAlert(2, AlertKinds.Sos, AlertStates.Open, AlertSeverity.Critical, Noon.AddMinutes(-3));
        var low = new BoardAlert(3, AlertKinds.LowBattery, AlertStates.Open, AlertSeverity.Low, Noon.AddHours(-1));

        var pending = SeniorStates.View(Senior(Noon) with { Alert = checking }, true, Noon, Options);
        var pressed = SeniorStates.View(Senior(Noon) with { Alert = sos }, true, Noon, Options);
        var battery = SeniorStates.View(Senior(Noon) with { Alert = low, ActiveKinds = [AlertKinds.LowBattery] }, true,
            Noon, Options);

        Assert.Equal((SeniorState.CheckIn, Noon.AddHours(-2)), (pending.State, pending.Since));
        Assert.Equal((SeniorState.Alert, "sos", "critical"), (pressed.State, pressed.AlertKind, pressed.AlertSeverity));
        Assert.Equal((SeniorState.BatteryLow, true), (battery.State, battery.BatteryLow));
    }

    [Fact]
    public void View_LowBatteryOnTheCharger_OnChargerAndNotLow()
    {
        var charging = Senior(Noon) with { Battery = 8, Charging = true, Worn = false };

        var view = SeniorStates.View(charging, true, Noon, Options);

        Assert.Equal((SeniorState.OnCharger, false), (view.State, view.BatteryLow));
    }
}
