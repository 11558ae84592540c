using CareWatch.Monitoring.Escalation;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Escalation;

namespace CareWatch.Monitoring.Tests.Escalation;

public sealed class EscalationPlannerTests
{
    private static readonly DateTime Opened = new(2026, 1, 15, 22, 30, 0, DateTimeKind.Utc);
    private static readonly ChainRecipient Staff = new("user:a", ["signalr", "email"], ["signalr"], new TimeOnly(22, 0),
        new TimeOnly(7, 0), "Europe/Berlin");

    private static AlertRecord Alert(string kind, int step = 0, int reminders = 0, AlertSeverity severity = AlertSeverity.High,
        DateTime? risesAt = null) => new(
        9, Guid.NewGuid(), "Senior", Guid.NewGuid(), "Europe/Berlin", kind, AlertStates.Open, null, Opened, null, "x",
        Opened, 3, Opened, null, null, severity, OpenedAt: Opened, EscalationStep: step, RemindersSent: reminders,
        NextStepAt: Opened, SeverityRisesAt: risesAt);

    private static Dictionary<string, object?> Sets(AlertChange change) => change.Sets.ToDictionary(s => s.Column, s => s.Value);

    [Fact]
    public void Next_AlarmWithinTheChain_IsTheNextStep()
    {
        Assert.Equal((DefaultChain.Steps[0], 1), EscalationPlanner.Next(Alert(AlertKinds.Sos), DefaultChain.Steps));
        Assert.Equal((DefaultChain.Steps[2], 3), EscalationPlanner.Next(Alert(AlertKinds.Fall, step: 2), DefaultChain.Steps));
    }

    [Fact]
    public void Next_AlarmPastTheLastStep_IsTheNextReminder()
    {
        var (step, number) = EscalationPlanner.Next(Alert(AlertKinds.Inactivity, step: 3, reminders: 2), DefaultChain.Steps);

        Assert.Null(step);
        Assert.Equal(3, number);
    }

    [Fact]
    public void Next_DeviceHealth_TellsTheStaffOnDutyOnce()
    {
        var (step, number) = EscalationPlanner.Next(Alert(AlertKinds.Offline), DefaultChain.Steps);

        Assert.Equal(ChainRecipients.OnDutyStaff, step!.Recipient);
        Assert.Equal(1, number);
        var change = EscalationPlanner.Change(Alert(AlertKinds.Offline), step, 1, [Staff], DefaultChain.Steps, 300, Opened);
        Assert.Null(Sets(change)["next_step_at"]);
    }

    [Fact]
    public void Change_Step_SchedulesTheNextFromTheOpening()
    {
        var at = Opened.AddSeconds(7); // the sweep came a little late
        var change = EscalationPlanner.Change(Alert(AlertKinds.Sos), DefaultChain.Steps[0], 1, [Staff], DefaultChain.Steps, 300, at);

        var sets = Sets(change);
        Assert.Equal(((short)1, (object?)Opened.AddSeconds(180)), ((short)sets["escalation_step"]!, sets["next_step_at"]));
        Assert.Equal(AlertEvents.Escalated, change.Event);
        Assert.Equal(["alert:9:step:1:signalr:user:a", "alert:9:step:1:email:user:a"],
            change.Outbox.Select(m => m.IdempotencyKey));
        Assert.All(change.Outbox, m => Assert.True(m.Urgent && m.NotBefore is null)); // urgent: quiet hours ignored
    }

    [Fact]
    public void Change_LastStep_SchedulesTheFirstReminder()
    {
        var at = Opened.AddSeconds(300);
        var change = EscalationPlanner.Change(Alert(AlertKinds.Sos, step: 2), DefaultChain.Steps[2], 3, [], DefaultChain.Steps, 600, at);

        Assert.Equal(at.AddSeconds(600), Sets(change)["next_step_at"]);
    }

    [Fact]
    public void Change_Reminder_CountsAndRepeats()
    {
        var at = Opened.AddSeconds(600);
        var change = EscalationPlanner.Change(Alert(AlertKinds.Sos, step: 3), null, 1, [Staff], DefaultChain.Steps, 300, at);

        var sets = Sets(change);
        Assert.Equal(AlertEvents.Reminded, change.Event);
        Assert.False(change.PushToBoards);
        Assert.Equal((1, (object?)at.AddSeconds(300)), ((int)sets["reminders_sent"]!, sets["next_step_at"]));
        Assert.False(sets.ContainsKey("escalation_step"));
        Assert.All(change.Outbox, m => Assert.StartsWith("alert:9:reminder:1:", m.IdempotencyKey));
        Assert.All(change.Outbox, m => Assert.Equal(NotificationKinds.Reminder, m.Kind));
    }

    [Fact]
    public void Messages_NotUrgent_PreferredChannelsAfterQuietHours()
    {
        var messages = EscalationPlanner.Messages(Alert(AlertKinds.LowBattery), 1, 0, [Staff], urgent: false, Opened);

        var message = Assert.Single(messages);
        Assert.Equal(("signalr", false), (message.Channel, message.Urgent));
        Assert.Equal(new DateTime(2026, 1, 16, 6, 0, 0, DateTimeKind.Utc), message.NotBefore); // 07:00 in Berlin
        Assert.Equal(1, NotificationPayload.Parse(message.PayloadJson)!.Step);
    }

    [Fact]
    public void SeverityRise_OneLevelAndRepeatsTheInterval()
    {
        var risesAt = Opened.AddMinutes(10);
        var low = EscalationPlanner.SeverityRise(Alert(AlertKinds.Inactivity, severity: AlertSeverity.Low, risesAt: risesAt), risesAt);
        var high = EscalationPlanner.SeverityRise(Alert(AlertKinds.Inactivity, risesAt: risesAt), risesAt);

        Assert.Equal(((short)2, (object?)Opened.AddMinutes(20)), ((short)Sets(low)["severity"]!, Sets(low)["severity_rises_at"]));
        Assert.Equal(((short)3, (object?)null), ((short)Sets(high)["severity"]!, Sets(high)["severity_rises_at"]));
    }
}
