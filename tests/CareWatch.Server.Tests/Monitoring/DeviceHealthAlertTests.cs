using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Monitoring;
using CareWatch.Protocol;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Storage;
using CareWatch.TestSupport;
using CareWatch.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Monitoring;

/// <summary>Not worn and offline are device-health alerts, never inactivity alerts.</summary>
public sealed class DeviceHealthAlertTests
{
    [Fact]
    public async Task WatchOffWrist_RaisesNotWornNotInactivity_ThenAutoResolvesWhenWornAgain()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        // The whole day counts as day here, so the test does not depend on the hour it runs at.
        await using var server = await ServerHost.StartAsync(db.ConnectionString,
            "Monitoring:DayStartHour=0", "Monitoring:DayEndHour=24", "Monitoring:StillAlertAfter=00:30:00");
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Hans Weber");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);

        // Off the wrist up to a few minutes ago: device-health alerts, like inactivity, wait for data of the present.
        var start = Arrange.MinutesAgo(135);
        await watch.SendAsync(Arrange.Minutes(start, 130, movement: 0, worn: false), null);
        var notWorn = await board.NextAsync();
        await watch.SendAsync(Arrange.Minutes(start.AddMinutes(130), 1, movement: 200, worn: true), null);
        var cleared = await board.NextAsync();

        Assert.Equal((AlertKinds.NotWorn, "open", senior.Id), (notWorn.Kind, notWorn.Status, notWorn.SeniorId));
        Assert.StartsWith("Watch not worn since", notWorn.Explanation);
        Assert.Equal((notWorn.Id, "resolved"), (cleared.Id, cleared.Status));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts WHERE kind = 'inactivity'"));
    }

    [Fact]
    public async Task SilentWatch_SweepRaisesOffline_ThenDataAutoResolvesIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Monitoring:OfflineAlertAfter=00:30:00");
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Hans Weber");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);
        var now = Arrange.WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime);
        var first = await watch.SendAsync(Arrange.Minutes(now.AddMinutes(-2), 1, movement: 100, worn: true), null);
        await server.Monitors.SeenAsync(device.DeviceId, first.Seq); // else this minute could clear the offline alert
        await using (var cmd = db.DataSource.CreateCommand("UPDATE devices SET last_seen_at = now() - interval '1 hour'"))
            await cmd.ExecuteNonQueryAsync();

        var reported = await server.Services.GetRequiredService<SupervisionSweep>().SweepAsync(CancellationToken.None);
        var offline = await board.NextAsync();
        var reportedAgain = await server.Services.GetRequiredService<SupervisionSweep>().SweepAsync(CancellationToken.None);
        await watch.SendAsync(Arrange.Minutes(now.AddMinutes(-1), 1, movement: 100, worn: true), null);
        var cleared = await board.NextAsync();

        Assert.Equal(1, reported);
        Assert.Equal((AlertKinds.Offline, "open", senior.Id), (offline.Kind, offline.Status, offline.SeniorId));
        Assert.StartsWith("No data from the watch since", offline.Explanation);
        Assert.Equal(0, reportedAgain);
        Assert.Equal((offline.Id, "resolved"), (cleared.Id, cleared.Status));
    }
}
