using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.FirmwareSim.Tests.Support;
using CareWatch.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.Fleet;

public sealed class WatchRunnerTests
{
    [Fact]
    public async Task RunAsync_BackfillThenLive_HourChunksThenCompletedMinutesOnly()
    {
        var start = MinuteCursor.FloorToMinute(TimeProvider.System.GetUtcNow().UtcDateTime).AddSeconds(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var options = new FleetOptions { Backfill = TimeSpan.FromHours(3), BatchInterval = TimeSpan.FromMinutes(5), Watch = TestWatches.Options(broker, time) };
        var member = new FleetMember(TestWatches.Connection(), new DailyRoutine(1), Scenario.StillFrom(start.AddHours(-1)));
        await using var watch = new SimulatedWatch(member.Connection, options.Watch);
        using var stop = new CancellationTokenSource();

        var run = new WatchRunner(member, watch, options).RunAsync(stop.Token);
        await TestWatches.WaitUntilAsync(() => broker.Publishes.Count >= 3, "the backfill");
        // The live timer may start a moment after the last backfill PUBACK, so keep nudging the clock.
        for (var i = 0; i < 500 && broker.Publishes.Count < 4; i++) { time.Advance(TimeSpan.FromMinutes(5)); await Task.Delay(20); }
        Assert.True(broker.Publishes.Count >= 4, "a live batch after the backfill");
        await stop.CancelAsync();
        await run;

        var batches = broker.Publishes.Select(p => p.Batch).ToList();
        Assert.All(batches.Take(3), b => Assert.Equal(60, b.Minutes.Count));
        Assert.Equal(start.AddSeconds(-30).AddHours(-3), batches[0].Minutes[0].Start);
        Assert.True(batches.Zip(batches.Skip(1)).All(p => p.Second.Seq == p.First.Seq + 1), "seq +1 per batch");
        var minutes = batches.SelectMany(b => b.Minutes).ToList();
        Assert.True(minutes.Zip(minutes.Skip(1)).All(p => p.Second.Start == p.First.Start.AddMinutes(1)), "no gap, no overlap");
        Assert.True(minutes[^1].Start.AddMinutes(1) <= time.GetUtcNow().UtcDateTime, "only completed minutes");
        Assert.Equal(0, batches[3].Minutes.Count % 5);
        Assert.All(minutes.Where(m => m.Start >= start.AddHours(-1)), m => Assert.Equal(0, m.Steps));
    }

    [Fact]
    public async Task RunAsync_WatchDies_LastBatchEndsAtDeathWithZeroBatteryAndRunEnds()
    {
        var start = MinuteCursor.FloorToMinute(TimeProvider.System.GetUtcNow().UtcDateTime).AddSeconds(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var options = new FleetOptions { Backfill = TimeSpan.FromHours(3), Watch = TestWatches.Options(broker, time) };
        var dies = start.AddSeconds(-30).AddMinutes(-90);
        var member = new FleetMember(TestWatches.Connection(), new DailyRoutine(1), Scenario.Normal.WithDeath(dies));
        await using var watch = new SimulatedWatch(member.Connection, options.Watch);

        await new WatchRunner(member, watch, options).RunAsync(CancellationToken.None); // returns by itself: the watch is dead

        var batches = broker.Publishes.Select(p => p.Batch).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal(dies, batches[^1].Minutes[^1].Start.AddMinutes(1));
        Assert.Equal(0, batches[^1].Battery);
        Assert.False(watch.IsConnected);
    }

    [Fact]
    public async Task RunAsync_ClockThreeMinutesAhead_MinutesAndTokenExpiryFollowTheWatchClock()
    {
        var start = MinuteCursor.FloorToMinute(TimeProvider.System.GetUtcNow().UtcDateTime).AddSeconds(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var options = new FleetOptions { Backfill = TimeSpan.FromHours(1), Watch = TestWatches.Options(broker, time) };
        var member = new FleetMember(TestWatches.Connection(), new DailyRoutine(1),
            Scenario.Normal.WithClockError(DateTime.MinValue, TimeSpan.FromMinutes(3)));
        await using var watch = new SimulatedWatch(member.Connection, options.Watch with { TimeProvider = member.ClockOver(time) });
        using var stop = new CancellationTokenSource();

        var run = new WatchRunner(member, watch, options).RunAsync(stop.Token);
        await TestWatches.WaitUntilAsync(() => !broker.Publishes.IsEmpty, "the backfill");
        await stop.CancelAsync();
        await run;

        var minutes = broker.Publishes.SelectMany(p => p.Batch.Minutes).ToList();
        var trueLastCompleted = start.AddSeconds(-30);
        Assert.Equal(trueLastCompleted.AddMinutes(3), minutes[^1].Start.AddMinutes(1));
        Assert.True(broker.Connects.TryPeek(out var connect));
        Assert.True(SasToken.TryParse(connect.Password, out var token));
        Assert.Equal(time.GetUtcNow().AddMinutes(3) + options.Watch.TokenTtl, DateTimeOffset.FromUnixTimeSeconds(token.Expiry), TimeSpan.FromSeconds(1));
    }
}
