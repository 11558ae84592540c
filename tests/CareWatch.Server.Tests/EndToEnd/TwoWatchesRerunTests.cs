using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>
/// The demo's rerun, reproduced: a senior lying still, her alert open; the server restarts; a second watch of
/// hers replays a week whose stillness is still going. She needs exactly one open inactivity alert.
/// </summary>
public sealed class TwoWatchesRerunTests
{
    private static readonly string[] Rule = ["Monitoring:StillAlertAfter=00:10:00", "Monitoring:StillAlertAfterNight=00:10:00"];

    [Fact]
    public async Task SecondWatchReplaysAWeekAcrossRestart_ExactlyOneOpenInactivityAlert()
    {
        await using var db = await TestDatabase.CreateAsync();
        var onset = Arrange.MinutesAgo(180);
        var week = Week(onset, stillMovement: 0);
        WatchIdentity first;
        ReceivedAlert raised;
        await using (var server = await ServerHost.StartAsync(db.ConnectionString, Rule))
        {
            await server.WaitUntilReadyAsync();
            var senior = await Arrange.SeniorAsync(server, "Wang Fang", "Asia/Shanghai");
            first = await Arrange.WatchAsync(server, senior.Id);
            await using var board = await AlertChannel.ConnectAsync(server);
            await using var watch = Arrange.Connect(server, first);
            foreach (var batch in week.Chunk(TelemetryLimits.MaxMinutesPerBatch)) await watch.SendAsync(batch, null);
            raised = await board.NextAsync(TimeSpan.FromSeconds(60));
        }

        await using var restarted = await ServerHost.StartAsync(db.ConnectionString, Rule);
        await restarted.WaitUntilReadyAsync();
        var second = await Arrange.WatchAsync(restarted, first.SeniorId);
        await using var spare = Arrange.Connect(restarted, second);
        await using var again = Arrange.Connect(restarted, first);
        // The second watch's week differs a little (small twitches, still under the still ceiling), so the monitor
        // must combine the two streams and judge again what it had judged, not just skip copies.
        TelemetryBatch last = null!;
        foreach (var batch in Week(onset, stillMovement: 3).Chunk(TelemetryLimits.MaxMinutesPerBatch))
            last = await spare.SendAsync(batch, null);
        var live = await again.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(0), 1, movement: 0), null);
        await restarted.Monitors.SeenAsync(second.DeviceId, last.Seq);
        await restarted.Monitors.SeenAsync(first.DeviceId, live.Seq);
        var open = await restarted.Http.GetFromJsonAsync<List<ReceivedAlert>>("api/alerts");

        Assert.Equal(("inactivity", onset), (raised.Kind, raised.StillSince));
        var alert = Assert.Single(open!);
        Assert.Equal((raised.Id, "open"), (alert.Id, alert.Status));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
    }

    // A week of an active routine, then still from the onset up to the last whole minute.
    private static List<MinuteSummary> Week(DateTime onset, int stillMovement)
    {
        var from = onset.AddDays(-7);
        var moving = Enumerable.Range(0, (int)(onset - from).TotalMinutes)
            .Select(i => new MinuteSummary(from.AddMinutes(i), 100 + i % 97, 0, true));
        var still = Arrange.Minutes(onset, (int)(Arrange.MinutesAgo(1) - onset).TotalMinutes + 1, movement: stillMovement);
        return [.. moving, .. still];
    }
}
