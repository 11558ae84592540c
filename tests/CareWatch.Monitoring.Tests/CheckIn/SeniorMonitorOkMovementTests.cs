using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Tests.Support;
using CareWatch.Storage.Alerts;
using static CareWatch.Monitoring.Tests.Support.MonitorRig;

namespace CareWatch.Monitoring.Tests.CheckIn;

// Issue 13: an OK answer is movement, so the still period ends at it and is not raised a second time.
public sealed class SeniorMonitorOkMovementTests
{
    private static readonly DateTime Morning = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime OkAt = Morning.AddMinutes(13).AddSeconds(20);

    // Moving at 09:00, still 09:01-09:12: a check-in the watch shows; she presses OK at 09:13:20, during minute 09:13.
    private static async Task<MonitorRig> AnsweredAsync()
    {
        var rig = new MonitorRig(Morning);
        rig.Alerts.PromptOutcome = PromptOutcome.Shown;
        await rig.Monitor.StartAsync(Rule(), [], default);
        await rig.LiveAsync(Stored(12));
        rig.Time.SetUtcNow(new DateTimeOffset(OkAt, TimeSpan.Zero));
        await rig.OkAsync(OkAt);
        return rig;
    }

    // 09:00 moving, then still minutes up to 09:00 + stillMinutes (the minute with the OK is stored as still).
    private static List<Storage.StoredMinute> Stored(int stillMinutes) =>
        [.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), stillMinutes, 0)];

    [Fact]
    public async Task ObserveMinutes_StillAfterOk_NewStillPeriodFromTheOkNoSecondAlertUntilItLasts()
    {
        var rig = await AnsweredAsync();

        await rig.LiveAsync(Minutes(Morning.AddMinutes(13), 10, 0)); // still 09:13-09:22, the OK in 09:13
        var afterOk = (rig.Alerts.Rows.Count, rig.Monitor.Snapshot.StillSince);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(23), 2, 0)); // the new still period reaches 10 min

        Assert.Equal((1, Morning.AddMinutes(14)), afterOk);
        Assert.Equal([AlertStates.Cancelled, AlertStates.Checking], rig.Alerts.Rows.Select(r => r.State));
        Assert.Equal(Morning.AddMinutes(14), rig.Alerts.Rows[1].Request.StillSince);
    }

    [Fact]
    public async Task ObserveMinutes_LateMinutesOfASecondWatchAfterOk_ReplayRaisesNoSecondAlert()
    {
        var rig = await AnsweredAsync();
        await rig.LiveAsync(Minutes(Morning.AddMinutes(13), 3, 0));

        // The second watch saw her move at 09:02: the replayed still period starts at 09:03, still too long by
        // 09:12, but the OK at 09:13 ended it.
        await rig.Monitor.ObserveMinutesAsync(Minutes(Morning.AddMinutes(2), 1, 200), charging: false, default);

        Assert.Equal(AlertStates.Cancelled, Assert.Single(rig.Alerts.Rows).State);
        Assert.Equal(Morning.AddMinutes(14), rig.Monitor.Snapshot.StillSince);
    }

    [Fact]
    public async Task Start_AfterOkWithANewModel_OkFromStorageEndsTheOldStillPeriod()
    {
        var rig = await AnsweredAsync();
        await rig.LiveAsync(Minutes(Morning.AddMinutes(13), 5, 0));

        rig.NewMonitor(); // a restart: the OK is known from storage only
        await rig.Monitor.StartAsync(Rule(version: 2), [.. Stored(17)], default);

        Assert.Equal(AlertStates.Cancelled, Assert.Single(rig.Alerts.Rows).State);
        Assert.Equal(Morning.AddMinutes(14), rig.Monitor.Snapshot.StillSince);
    }

    [Fact]
    public async Task ObserveEvents_OkArrivesAfterItsMinuteWasJudged_MovesTheNextMinute()
    {
        var rig = new MonitorRig(Morning);
        await rig.Monitor.StartAsync(Rule(), [], default);
        await rig.LiveAsync(Stored(5)); // minute 09:05 judged at 09:06
        var okAt = Morning.AddMinutes(5).AddSeconds(50);

        await rig.OkAsync(okAt);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(6), 3, 0));

        Assert.Equal(Morning.AddMinutes(7), rig.Monitor.Snapshot.StillSince);
        Assert.Empty(rig.Alerts.Rows);
    }
}
