using CareWatch.FirmwareSim.Routine;
using CareWatch.Monitoring;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Apis;

/// <summary>GET /api/seniors/states: a tile per senior of the bureau, each with the state its facts call for.</summary>
public sealed class SeniorStatesApiTests : ServerTest
{
    // The whole day is "day", so the states do not depend on the hour the test runs at (no sleep window).
    protected override string[] Settings => ["Monitoring:DayStartHour=0", "Monitoring:DayEndHour=24"];

    [Fact]
    public async Task List_SeniorsWithWatchFacts_EachTheStateItsFactsCallFor()
    {
        var noWatch = await Arrange.SeniorAsync(Server, "No Watch");
        var silent = await Arrange.SeniorAsync(Server, "Never Sent");
        var moving = await Arrange.SeniorAsync(Server, "Moving Anna");
        var low = await Arrange.SeniorAsync(Server, "Low Battery");
        var off = await Arrange.SeniorAsync(Server, "Watch Off");
        var charging = await Arrange.SeniorAsync(Server, "On Charger");
        var other = await Arrange.SeniorInNewBureauAsync(Server, "Other Bureau");
        await Arrange.WatchAsync(Server, silent.Id);
        var start = Arrange.MinutesAgo(2);
        await using var w1 = await SendAsync(moving.Id, Arrange.Minutes(start, 2, movement: 150),
            new BatteryState(80, false));
        await using var w2 = await SendAsync(low.Id, Arrange.Minutes(start, 2, movement: 150),
            new BatteryState(9, false));
        await using var w3 = await SendAsync(off.Id, Arrange.Minutes(start, 2, movement: 0, worn: false),
            new BatteryState(70, false));
        await using var w4 = await SendAsync(charging.Id, Arrange.Minutes(start, 2, movement: 0, worn: false),
            new BatteryState(50, true));

        var tiles = (await SeniorTiles.ListAsync(Server.Http)).ToDictionary(t => t.SeniorId);

        Assert.DoesNotContain(other.Id, tiles.Keys);
        Assert.Equal("no-watch", tiles[noWatch.Id].State);
        Assert.Equal("no-data", tiles[silent.Id].State);
        Assert.Equal(("active", 80, false, true), (tiles[moving.Id].State, tiles[moving.Id].Battery,
            tiles[moving.Id].BatteryLow, tiles[moving.Id].Worn));
        Assert.Equal(("battery-low", 9, true), (tiles[low.Id].State, tiles[low.Id].Battery, tiles[low.Id].BatteryLow));
        Assert.Equal(("not-worn", false), (tiles[off.Id].State, tiles[off.Id].Worn));
        Assert.Equal(("on-charger", true, false), (tiles[charging.Id].State, tiles[charging.Id].Charging,
            tiles[charging.Id].BatteryLow));
        Assert.Equal(["Low Battery", "Moving Anna", "Never Sent", "No Watch", "On Charger", "Watch Off"],
            tiles.Values.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_WatchDisconnects_OfflineSinceItLeft()
    {
        var senior = await Arrange.SeniorAsync(Server, "Leaving Lena");
        var device = await Arrange.WatchAsync(Server, senior.Id);
        var watch = Arrange.Connect(Server, device);
        await watch.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(1), 1, movement: 150), null);
        await SeniorTiles.EventuallyAsync(Server.Http, senior.Id, t => t.State == "active");
        var before = DateTime.UtcNow;

        await watch.DisposeAsync();

        var tile = await SeniorTiles.EventuallyAsync(Server.Http, senior.Id, t => t.State == "offline");
        Assert.InRange(tile.Since!.Value, before.AddSeconds(-1), DateTime.UtcNow);
    }

    [Fact]
    public async Task List_StillMinutes_StillSinceTheFirstStillMinute()
    {
        var senior = await Arrange.SeniorAsync(Server, "Resting Rosa");
        var start = Arrange.MinutesAgo(25);
        var minutes = Arrange.Minutes(start, 5, movement: 150)
            .Concat(Arrange.Minutes(start.AddMinutes(5), 20, movement: 0)).ToList();

        await using var watch = await SendAsync(senior.Id, minutes, BatteryState.Full);

        var tile = await SeniorTiles.EventuallyAsync(Server.Http, senior.Id, t => t.State == "still");
        Assert.Equal(start.AddMinutes(5), tile.StillSince);
        Assert.Equal(tile.StillSince, tile.Since);
    }

    [Fact]
    public async Task List_ActiveAlerts_CheckInPendingAlertAndOfflineBeforeTheWatchFacts()
    {
        var checking = await Arrange.SeniorAsync(Server, "Checking Clara");
        var pressed = await Arrange.SeniorAsync(Server, "Pressed Paul");
        var silent = await Arrange.SeniorAsync(Server, "Silent Sigrid");
        var watches = new List<CareWatch.FirmwareSim.Device.SimulatedWatch>();
        foreach (var s in new[] { checking, pressed, silent })
            watches.Add(await SendAsync(s.Id, Arrange.Minutes(Arrange.MinutesAgo(1), 1, movement: 150),
                BatteryState.Full));
        var now = Arrange.MinutesAgo(0);
        var transitions = Server.Services.GetRequiredService<AlertTransitions>();
        await transitions.RaiseAsync(new NewAlert(checking.Id, AlertKinds.Inactivity, AlertSeverity.High,
            AlertStates.Checking, now.AddMinutes(-150), now.AddMinutes(-150), "Still …", PromptDeadline: now.AddMinutes(2)),
            AlertActor.System("test"), now);
        await ArrangeAlerts.RaiseAsync(Server, pressed.Id, AlertKinds.Sos, null, now, "SOS …",
            startedAt: now.AddMinutes(-3));
        await ArrangeAlerts.RaiseAsync(Server, silent.Id, AlertKinds.Offline, null, now, "No data …",
            startedAt: now.AddMinutes(-50));

        var tiles = (await SeniorTiles.ListAsync(Server.Http)).ToDictionary(t => t.SeniorId);

        Assert.Equal(("check-in", now.AddMinutes(-150), "inactivity"),
            (tiles[checking.Id].State, tiles[checking.Id].Since, tiles[checking.Id].AlertKind));
        Assert.Equal(("alert", "sos", "critical"),
            (tiles[pressed.Id].State, tiles[pressed.Id].AlertKind, tiles[pressed.Id].AlertSeverity));
        Assert.Equal("offline", tiles[silent.Id].State);
        Assert.Equal(tiles[silent.Id].LastSeenAt, tiles[silent.Id].Since);
        foreach (var w in watches) await w.DisposeAsync();
    }

    // Registers a watch for the senior, sends one batch and waits until the monitors have taken it; the watch stays
    // connected (a watch that left is offline).
    private async Task<CareWatch.FirmwareSim.Device.SimulatedWatch> SendAsync(Guid seniorId,
        List<CareWatch.Protocol.MinuteSummary> minutes, BatteryState battery)
    {
        var device = await Arrange.WatchAsync(Server, seniorId);
        var watch = Arrange.Connect(Server, device);
        var batch = await watch.SendAsync(minutes, null, battery);
        await Server.Monitors.SeenAsync(device.DeviceId, batch.Seq);
        return watch;
    }
}
