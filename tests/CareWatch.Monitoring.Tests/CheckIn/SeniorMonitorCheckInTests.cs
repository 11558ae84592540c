using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Tests.Support;
using CareWatch.Protocol;
using CareWatch.Storage.Alerts;
using static CareWatch.Monitoring.Tests.Support.MonitorRig;

namespace CareWatch.Monitoring.Tests.CheckIn;

public sealed class SeniorMonitorCheckInTests
{
    private static readonly DateTime Morning = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<MonitorRig> StillAsync(PromptOutcome outcome)
    {
        var rig = new MonitorRig(Morning);
        rig.Alerts.PromptOutcome = outcome;
        await rig.Monitor.StartAsync(Rule(), [], CancellationToken.None);
        await rig.LiveAsync([.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 12, 0)]);
        return rig;
    }

    [Fact]
    public async Task Inactivity_WatchShowsPrompt_StaysCheckingAndOkCancels()
    {
        var rig = await StillAsync(PromptOutcome.Shown);
        var before = Assert.Single(rig.Alerts.Rows).State;

        await rig.Monitor.ObserveEventsAsync([new DeviceEvent(rig.Now, DeviceEventKind.Ok)], default);

        Assert.Equal((AlertStates.Checking, 1), (before, rig.Alerts.Prompts));
        Assert.Equal(AlertStates.Cancelled, Assert.Single(rig.Alerts.Rows).State);
        Assert.False(rig.Monitor.Snapshot.InactivityAlertOpen);
    }

    [Fact]
    public async Task Inactivity_WatchUnreachable_OpensForStaffAtOnce()
    {
        var rig = await StillAsync(PromptOutcome.Unreachable);

        Assert.Equal((AlertStates.Open, 1), (Assert.Single(rig.Alerts.Rows).State, rig.Alerts.Prompts));
    }

    [Fact]
    public async Task Ok_AfterStaffWereCalled_RecordedLateAndAlertStays()
    {
        var rig = await StillAsync(PromptOutcome.Unreachable);

        await rig.Monitor.ObserveEventsAsync([new DeviceEvent(rig.Now, DeviceEventKind.Ok)], default);

        Assert.Equal((AlertStates.Open, 1), (Assert.Single(rig.Alerts.Rows).State, rig.Alerts.AnsweredLate));
    }

    [Fact]
    public async Task Sos_SkipsThePrompt()
    {
        var rig = new MonitorRig(Morning);
        await rig.Monitor.StartAsync(Rule(), [], default);

        await rig.Monitor.ObserveEventsAsync([new DeviceEvent(Morning, DeviceEventKind.Sos)], default);

        Assert.Equal((AlertStates.Open, 0), (Assert.Single(rig.Alerts.Rows).State, rig.Alerts.Prompts));
    }

    [Fact]
    public async Task Start_AfterConditionEnded_RecordsNoSecondEnd()
    {
        var rig = await StillAsync(PromptOutcome.Unreachable);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(13), 1, 300));
        var ended = rig.Alerts.Rows[0].EndedAt;

        rig.NewMonitor();
        await rig.Monitor.StartAsync(Rule(), [.. Minutes(Morning, 1, 200), .. Minutes(Morning.AddMinutes(1), 12, 0),
            .. Minutes(Morning.AddMinutes(13), 1, 300)], default);
        await rig.LiveAsync(Minutes(Morning.AddMinutes(14), 2, 300));

        Assert.Equal(Morning.AddMinutes(13), ended);
        Assert.Equal((ended, AlertStates.Open), (rig.Alerts.Rows[0].EndedAt, rig.Alerts.Rows[0].State));
    }

    [Fact]
    public void AtDeadline_SecondPromptWanted_AsksOnceMoreThenOpens()
    {
        var first = Alert(promptCount: 1);

        Assert.Equal(DeadlineAction.SecondPrompt, CheckInDecision.AtDeadline(first, secondPrompt: true));
        Assert.Equal(DeadlineAction.Open, CheckInDecision.AtDeadline(Alert(promptCount: 2), secondPrompt: true));
        Assert.Equal(DeadlineAction.Open, CheckInDecision.AtDeadline(first, secondPrompt: false));
    }

    [Fact]
    public void Severities_InactivityRisesDeviceHealthNever()
    {
        var options = new MonitorOptions();

        Assert.Equal(Morning + options.InactivityCriticalAfter, AlertSeverities.RisesAt(AlertKinds.Inactivity, Morning, options));
        Assert.Null(AlertSeverities.RisesAt(AlertKinds.NotWorn, Morning, options));
        Assert.Equal(AlertSeverity.Critical, AlertSeverities.For(AlertKinds.Fall));
        Assert.Equal(AlertSeverity.Info, AlertSeverities.For(AlertKinds.Wellbeing));
    }

    private static Storage.AlertRecord Alert(int promptCount) => new(1, Guid.NewGuid(), "x", Guid.NewGuid(), "UTC",
        AlertKinds.Inactivity, AlertStates.Checking, Morning, Morning, null, "", Morning, 1, Morning, null, null,
        PromptCount: promptCount);
}
