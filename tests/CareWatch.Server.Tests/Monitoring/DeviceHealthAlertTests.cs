using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Monitoring;
using CareWatch.Protocol;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Monitoring;

/// <summary>Not worn and offline are device-health alerts, never inactivity alerts.</summary>
public sealed class DeviceHealthAlertTests
{
    private sealed record CreatedDevice(string DeviceId, Guid SeniorId, string ConnectionString);

    [Fact]
    public async Task WatchOffWrist_RaisesNotWornNotInactivity_ThenClearsWhenWornAgain()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        // The whole day counts as day here, so the test does not depend on the hour it runs at.
        await using var server = await ServerHost.StartAsync(db.ConnectionString,
            "Monitoring:DayStartHour=0", "Monitoring:DayEndHour=24", "Monitoring:StillAlertAfter=00:30:00");
        await server.WaitUntilReadyAsync();
        var (senior, device) = await ArrangeAsync(server);
        await using var board = await AlertChannel.ConnectAsync(server.BaseAddress);
        await using var watch = Watch(server, device);

        var start = WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-200));
        await watch.SendAsync(Minutes(start, 130, movement: 0, worn: false), null);
        var notWorn = await board.NextAsync();
        await watch.SendAsync(Minutes(start.AddMinutes(130), 1, movement: 200, worn: true), null);
        var cleared = await board.NextAsync();

        Assert.Equal((AlertKinds.NotWorn, "open", senior.Id), (notWorn.Kind, notWorn.Status, notWorn.SeniorId));
        Assert.StartsWith("Watch not worn since", notWorn.Explanation);
        Assert.Equal((notWorn.Id, "cleared"), (cleared.Id, cleared.Status));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts WHERE kind = 'inactivity'"));
    }

    [Fact]
    public async Task SilentWatch_SweepRaisesOffline_ThenDataClearsIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Monitoring:OfflineAlertAfter=00:30:00");
        await server.WaitUntilReadyAsync();
        var (senior, device) = await ArrangeAsync(server);
        await using var board = await AlertChannel.ConnectAsync(server.BaseAddress);
        await using var watch = Watch(server, device);
        var now = WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime);
        await watch.SendAsync(Minutes(now.AddMinutes(-2), 1, movement: 100, worn: true), null);
        await using (var cmd = db.DataSource.CreateCommand("UPDATE devices SET last_seen_at = now() - interval '1 hour'"))
            await cmd.ExecuteNonQueryAsync();

        var reported = await server.Services.GetRequiredService<SupervisionSweep>().SweepAsync(CancellationToken.None);
        var offline = await board.NextAsync();
        var reportedAgain = await server.Services.GetRequiredService<SupervisionSweep>().SweepAsync(CancellationToken.None);
        await watch.SendAsync(Minutes(now.AddMinutes(-1), 1, movement: 100, worn: true), null);
        var cleared = await board.NextAsync();

        Assert.Equal(1, reported);
        Assert.Equal((AlertKinds.Offline, "open", senior.Id), (offline.Kind, offline.Status, offline.SeniorId));
        Assert.StartsWith("No data from the watch since", offline.Explanation);
        Assert.Equal(0, reportedAgain);
        Assert.Equal((offline.Id, "cleared"), (cleared.Id, cleared.Status));
    }

    private static async Task<(SeniorRecord Senior, CreatedDevice Device)> ArrangeAsync(ServerHost server)
    {
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = await directory.AddBureauAsync("Bureau", "Europe/Berlin");
        var senior = await directory.AddSeniorAsync(bureau.Id, "Hans Weber", "Europe/Berlin");
        using var response = await server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id });
        return (senior, (await response.Content.ReadFromJsonAsync<CreatedDevice>())!);
    }

    private static SimulatedWatch Watch(ServerHost server, CreatedDevice device) =>
        new(device.ConnectionString, new SimulatedWatchOptions { MqttHost = "127.0.0.1", MqttPort = server.MqttPort, CaFile = server.CaCertificatePath });

    private static List<MinuteSummary> Minutes(DateTime from, int count, int movement, bool worn) =>
        Enumerable.Range(0, count).Select(i => new MinuteSummary(from.AddMinutes(i), movement, 0, worn)).ToList();

    private static DateTime WholeMinute(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
