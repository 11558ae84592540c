using System.Text.Json;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Escalation;

namespace CareWatch.Monitoring.Escalation;

/// <summary>
/// The decisions of the escalation sweep, without I/O: which change an alert's next step is, what it queues and
/// when the step after it is due. Alarms (SOS, fall, inactivity) run the whole chain, urgently, and are then
/// repeated to the staff on duty until acknowledged; other alerts (device health) tell the staff on duty once,
/// not urgently (channel preferences and quiet hours apply).
/// </summary>
public static class EscalationPlanner
{
    /// <summary>The actor of the sweep's events.</summary>
    public static readonly AlertActor Actor = AlertActor.System("escalation");

    private static readonly IReadOnlyList<string> Alarms = [AlertKinds.Sos, AlertKinds.Fall, AlertKinds.Inactivity];

    /// <summary>Whether the kind is an alarm (urgent, the full chain, reminders).</summary>
    public static bool IsAlarm(string kind) => Alarms.Contains(kind);

    /// <summary>What the next step of an alarm calls: the chain's next step, or a reminder after the last one.</summary>
    /// <returns>The step (null: a reminder), and its number (the reminder's number for a reminder).</returns>
    public static (EscalationStep? Step, int Number) Next(AlertRecord alert, IReadOnlyList<EscalationStep> chain) =>
        IsAlarm(alert.Kind) && alert.EscalationStep >= chain.Count
            ? (null, alert.RemindersSent + 1)
            : (IsAlarm(alert.Kind) ? chain[alert.EscalationStep] : new EscalationStep(1, 0, ChainRecipients.OnDutyStaff),
               alert.EscalationStep + 1);

    /// <summary>
    /// The change that carries out step <paramref name="number"/> (or reminder, when <paramref name="step"/> is
    /// null) of the alert at <paramref name="at"/>, notifying <paramref name="recipients"/>.
    /// </summary>
    public static AlertChange Change(AlertRecord alert, EscalationStep? step, int number, IReadOnlyList<ChainRecipient> recipients,
        IReadOnlyList<EscalationStep> chain, int reminderEverySeconds, DateTime at)
    {
        var urgent = IsAlarm(alert.Kind);
        var messages = Messages(alert, step is null ? 0 : number, step is null ? number : 0, recipients, urgent, at);
        var notified = messages.Select(m => m.Recipient).Distinct().ToList();
        if (step is null)
        {
            return new AlertChange(AlertEvents.Reminded, Actor, [AlertStates.Open])
                {
                    DetailJson = JsonSerializer.Serialize(new { reminder = number, notified }),
                    PushToBoards = false, // a reminder changes nothing staff see but a count
                }
                .Set("reminders_sent", number).Set("next_step_at", at.AddSeconds(reminderEverySeconds)).Notify(messages);
        }
        DateTime? next = !urgent ? null
            : number < chain.Count ? Opened(alert, at).AddSeconds(chain[number].AfterSeconds)
            : at.AddSeconds(reminderEverySeconds);
        return new AlertChange(AlertEvents.Escalated, Actor, [AlertStates.Open])
            {
                DetailJson = JsonSerializer.Serialize(new { step = number, recipient = step.Recipient, notified }),
            }
            .Set("escalation_step", (short)number).Set("next_step_at", next).Notify(messages);
    }

    /// <summary>
    /// The outbox rows of a step or reminder: urgent ones on every channel that reaches the recipient, at once;
    /// others on the recipient's chosen channels, held back until their quiet hours end.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> Messages(AlertRecord alert, int step, int reminder,
        IReadOnlyList<ChainRecipient> recipients, bool urgent, DateTime at)
    {
        var payload = new NotificationPayload(alert.Id, alert.SeniorId, alert.Kind, alert.Severity, step, reminder).ToJson();
        var kind = reminder > 0 ? NotificationKinds.Reminder : NotificationKinds.AlertOpen;
        var prefix = reminder > 0 ? $"alert:{alert.Id}:reminder:{reminder}" : $"alert:{alert.Id}:step:{step}";
        var list = new List<OutboxMessage>();
        foreach (var r in recipients)
        {
            var notBefore = urgent ? null : QuietHours.NotBefore(at, r.QuietFrom, r.QuietUntil, r.TimeZone);
            foreach (var channel in urgent ? r.Channels : r.Preferred)
                list.Add(new OutboxMessage(channel, r.Address, kind, urgent, $"{prefix}:{channel}:{r.Address}", payload, notBefore));
        }
        return list;
    }

    /// <summary>The severity rise due now: one level up (at most critical), and when the next one is due.</summary>
    public static AlertChange SeverityRise(AlertRecord alert, DateTime at)
    {
        var to = (AlertSeverity)Math.Min((short)alert.Severity + 1, (short)AlertSeverity.Critical);
        var rose = alert.SeverityRisesAt ?? at;
        // The same wait again, counted from the alert's opening (the interval the monitor configured for the kind).
        DateTime? next = to < AlertSeverity.Critical ? rose + (rose - Opened(alert, at)) : null;
        if (next <= at) next = null; // no interval to repeat (rises_at at the opening): rise once
        return new AlertChange(AlertEvents.SeverityRaised, Actor, [AlertStates.Open])
            {
                DetailJson = JsonSerializer.Serialize(new { from = (short)alert.Severity, to = (short)to }),
            }
            .Set("severity", (short)to).Set("severity_rises_at", next);
    }

    private static DateTime Opened(AlertRecord alert, DateTime at) => alert.OpenedAt ?? at;
}
