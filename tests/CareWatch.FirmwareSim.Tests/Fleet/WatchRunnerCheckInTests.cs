using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.CheckIn;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.FirmwareSim.Tests.Support;
using CareWatch.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.Fleet;

public sealed class WatchRunnerCheckInTests
{
    private const string Prompt = """{"alertId":5,"prompt":1,"windowSeconds":120}""";

    [Fact]
    public async Task RunAsync_DozingSeniorPrompted_OkSentAloneAfterTheDelayThenSheMoves()
    {
        var start = MinuteCursor.FloorToMinute(TimeProvider.System.GetUtcNow().UtcDateTime).AddSeconds(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var options = new FleetOptions { Backfill = TimeSpan.FromHours(1), BatchInterval = TimeSpan.FromMinutes(30), Watch = TestWatches.Options(broker, time) };
        var answers = new CheckInAnswers(42, 0, CheckInRole.Dozing, 0.9, TimeSpan.FromSeconds(20));
        var member = new FleetMember(TestWatches.Connection(), new DailyRoutine(1), Scenario.StillFrom(start.AddHours(-5))) { CheckIn = answers };
        using var responder = new PromptResponder(answers, time, "w1");
        await using var watch = new SimulatedWatch(member.Connection, options.Watch);
        using var stop = new CancellationTokenSource();

        var runner = new WatchRunner(member, watch, options, responder);
        var run = runner.RunAsync(stop.Token);
        await TestWatches.WaitUntilAsync(() => broker.Publishes.Count >= 1, "the backfill");
        Assert.Equal(200, responder.Handle(PromptResponder.Method, Prompt).Status);
        time.Advance(TimeSpan.FromSeconds(20));
        await TestWatches.WaitUntilAsync(() => broker.Publishes.Any(p => p.Batch.Events.Count > 0), "the OK press");
        await stop.CancelAsync();
        await run;

        var ok = broker.Publishes.Select(p => p.Batch).Single(b => b.Events.Count > 0);
        Assert.Empty(ok.Minutes);
        Assert.Equal([new DeviceEvent(start.AddSeconds(20), DeviceEventKind.Ok)], ok.Events);
        var awake = start.AddSeconds(20);
        Assert.Contains(runner.Scenario.Phases, p => p.Kind == PhaseKind.Awake && p.FromUtc == awake);
        var later = Enumerable.Range(1, 24 * 60).Select(m => runner.Scenario.Minute(member.Routine, MinuteCursor.FloorToMinute(awake).AddMinutes(m)));
        Assert.Contains(later, m => m.Steps > 0); // she is up again: her routine, not the still phase
    }

    [Fact]
    public async Task RunAsync_CollapsedSeniorPrompted_NothingPressed()
    {
        var start = MinuteCursor.FloorToMinute(TimeProvider.System.GetUtcNow().UtcDateTime).AddSeconds(30);
        var time = new FakeTimeProvider(new DateTimeOffset(start, TimeSpan.Zero));
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var options = new FleetOptions { Backfill = TimeSpan.FromHours(1), BatchInterval = TimeSpan.FromMinutes(30), Watch = TestWatches.Options(broker, time) };
        var answers = new CheckInAnswers(42, 0, CheckInRole.Collapsed, 1, TimeSpan.FromSeconds(20));
        var member = new FleetMember(TestWatches.Connection(), new DailyRoutine(1), Scenario.StillFrom(start.AddHours(-5))) { CheckIn = answers };
        using var responder = new PromptResponder(answers, time, "w1");
        await using var watch = new SimulatedWatch(member.Connection, options.Watch);
        using var stop = new CancellationTokenSource();

        var run = new WatchRunner(member, watch, options, responder).RunAsync(stop.Token);
        await TestWatches.WaitUntilAsync(() => broker.Publishes.Count >= 1, "the backfill");
        responder.Handle(PromptResponder.Method, Prompt);
        // Up to the next live batch (30 min): it is sent, and carries no OK.
        for (var i = 0; i < 500 && broker.Publishes.Count < 2; i++) { time.Advance(TimeSpan.FromMinutes(1)); await Task.Delay(20); }
        await stop.CancelAsync();
        await run;

        Assert.True(broker.Publishes.Count >= 2, "a live batch after the prompt");
        Assert.All(broker.Publishes, p => Assert.Empty(p.Batch.Events));
    }
}
