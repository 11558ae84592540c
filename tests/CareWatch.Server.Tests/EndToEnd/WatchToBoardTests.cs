using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;
using CareWatch.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>
/// The whole path with real parts: a simulated watch over MQTT/TLS → gateway → PostgreSQL → monitor grain
/// → alert row → SignalR client.
/// </summary>
public sealed class WatchToBoardTests
{
    // The fixed rule at 10 min by day and by night: these tests run at any hour of the senior's clock.
    private static readonly string[] TenMinuteRule =
        ["Monitoring:StillAlertAfter=00:10:00", "Monitoring:StillAlertAfterNight=00:10:00"];

    [Fact]
    public async Task StillWatch_UnreachableForThePrompt_OpensAtOnce_ThenConditionEndsWhenMovementResumes()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, TenMinuteRule);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Erna Schulz");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);

        var start = Arrange.WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-30));
        var moving = Arrange.Minutes(start, 5, movement: 140);
        var still = Arrange.Minutes(start.AddMinutes(5), 12, movement: 2);
        await watch.SendAsync([.. moving, .. still], null);
        // The watch answers no direct methods: unreachable, so staff are called at once.
        var raised = await board.NextMatchingAsync(a => a.Status == "open");
        var openOnLoad = await server.Http.GetFromJsonAsync<List<ReceivedAlert>>("api/alerts");

        await watch.SendAsync(Arrange.Minutes(start.AddMinutes(17), 1, movement: 300), null);
        var cleared = await board.NextMatchingAsync(a => a.EndedAt is not null);
        var openAfter = await server.Http.GetFromJsonAsync<List<ReceivedAlert>>("api/alerts");

        Assert.Equal("raised,watch-unreachable,opened", await db.ScalarAsync<string>(
            "SELECT string_agg(event, ',' ORDER BY id) FROM alert_events WHERE alert_id = @a AND id <= " +
            "(SELECT min(id) FROM alert_events WHERE alert_id = @a AND event = 'opened')", ("a", raised.Id)));
        Assert.Equal(("inactivity", "open", senior.Id, "Erna Schulz"), (raised.Kind, raised.Status, raised.SeniorId, raised.SeniorName));
        Assert.Equal(start.AddMinutes(5), raised.StillSince);
        Assert.Equal("Watch worn, no movement. No learned model yet: the fixed rule alerts after 10 min without movement.", raised.Explanation);
        Assert.Equal([raised.Id], openOnLoad!.Select(a => a.Id));
        // Movement is an event on the alert, not a close: it stays for staff.
        Assert.Equal((raised.Id, "open", start.AddMinutes(17)), (cleared.Id, cleared.Status, cleared.EndedAt));
        Assert.Null(cleared.ClosedAt);
        Assert.Equal([(raised.Id, "open")], openAfter!.Select(a => (a.Id, a.Status)));
        Assert.Equal(18L, await db.ScalarAsync<long>("SELECT count(*) FROM minute_activity WHERE senior_id = @s", ("s", senior.Id)));
    }

    [Fact]
    public async Task ReplayedBuffer_StillPeriodAlreadyEnded_RaisesNoAlert()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, TenMinuteRule);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Ines Vogel");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var watch = Arrange.Connect(server, device);

        // Hours later the watch uploads its buffer: 30 still minutes, then she was up again.
        var start = Arrange.WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-3));
        await watch.SendAsync([.. Arrange.Minutes(start, 30, movement: 0), .. Arrange.Minutes(start.AddMinutes(30), 5, movement: 250)], null);
        var last = await watch.SendAsync(Arrange.Minutes(start.AddMinutes(35), 1, movement: 250), null);
        await server.Monitors.SeenAsync(device.DeviceId, last.Seq);
        var snapshot = await server.Services.GetRequiredService<Orleans.IGrainFactory>()
            .GetGrain<CareWatch.Monitoring.ISeniorMonitorGrain>(senior.Id).GetSnapshotAsync();

        Assert.Equal(start.AddMinutes(35), snapshot.LastMinute);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
    }

    [Fact]
    public async Task ReplayedBuffer_StillnessStillGoing_AlertsOnlyWhenTheReplayReachesThePresent()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, TenMinuteRule);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Olga Berg");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);

        // She lay down three hours ago; the watch was offline and now replays its buffer in two batches.
        var start = Arrange.MinutesAgo(180);
        var old = await watch.SendAsync([.. Arrange.Minutes(start.AddMinutes(-5), 5, movement: 250), .. Arrange.Minutes(start, 60, movement: 0)], null);
        await server.Monitors.SeenAsync(device.DeviceId, old.Seq);
        var afterOldBatch = await db.ScalarAsync<long>("SELECT count(*) FROM alerts");
        await watch.SendAsync(Arrange.Minutes(start.AddMinutes(60), 118, movement: 0), null);
        var alert = await board.NextAsync();

        Assert.Equal(0L, afterOldBatch);
        Assert.Equal(("inactivity", start), (alert.Kind, alert.StillSince));
    }

    [Fact]
    public async Task SosPress_RaisesSosAlertOnBoard()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Zhou Lan");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);

        var at = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-5);
        await watch.SendAsync([], [new DeviceEvent(at, DeviceEventKind.Sos)]);
        var alert = await board.NextAsync();

        Assert.Equal(("sos", "open", senior.Id), (alert.Kind, alert.Status, alert.SeniorId));
        Assert.StartsWith("SOS pressed at", alert.Explanation);
    }
}
