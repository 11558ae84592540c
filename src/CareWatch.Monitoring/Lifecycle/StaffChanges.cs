using System.Text.Json;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Lifecycle;

/// <summary>
/// The transitions people make on an alert (acknowledge, resolve, comment, assign), without I/O: each sets the
/// columns the lifecycle's rules ask for, so the escalation sweep (which selects <c>open</c> rows with a due
/// <c>next_step_at</c> or <c>severity_rises_at</c>) stops for an alert a person has taken, and the response-time
/// report finds when it was opened, taken and closed.
/// </summary>
public static class StaffChanges
{
    /// <summary>The longest comment or resolution note, in characters.</summary>
    public const int MaxTextLength = 2000;

    private static readonly string[] Takeable = [AlertStates.Checking, AlertStates.Open];

    /// <summary>
    /// Someone takes the alert: acknowledged by them, every timer cleared (chain, reminders, severity rises, the
    /// watch's prompt). Taken while the watch was still asking, it counts as opened now: staff were involved, and
    /// the report measures from opened_at.
    /// </summary>
    public static AlertChange Acknowledge(AlertRecord alert, AlertActor actor, DateTime at,
        IReadOnlyList<(string Channel, string Recipient)> calledRelatives)
    {
        var change = new AlertChange(AlertEvents.Acknowledged, actor, Takeable, AlertStates.Acknowledged)
            .Set("acknowledged_at", at).Set("acknowledged_by", actor.UserId);
        if (alert.OpenedAt is null) change.Set("opened_at", at);
        return StopTimers(change).Notify(ToRelatives(alert, NotificationKinds.AlertAcknowledged, calledRelatives));
    }

    /// <summary>
    /// Closes the alert with what was found. Resolving an alert nobody had acknowledged is taking it too (the same
    /// person, at the same moment), so the report does not list a handled alert as still waiting for someone.
    /// </summary>
    public static AlertChange Resolve(AlertRecord alert, AlertActor actor, string outcome, string? note, DateTime at,
        IReadOnlyList<(string Channel, string Recipient)> calledRelatives)
    {
        var change = new AlertChange(AlertEvents.Resolved, actor, AlertStates.ForStaff, AlertStates.Resolved)
            { DetailJson = Detail(new { outcome }) } // the note is in the row; the event keeps the fact only
            .Set("outcome", outcome).Set("resolution_note", note).Set("closed_at", at).Set("resolved_by", actor.UserId);
        if (alert.AcknowledgedAt is null) change.Set("acknowledged_at", at).Set("acknowledged_by", actor.UserId);
        return StopTimers(change).Notify(ToRelatives(alert, NotificationKinds.AlertResolved, calledRelatives));
    }

    /// <summary>A comment, in any state (a closed alert may still be annotated); its text is kept in the event.</summary>
    public static AlertChange Comment(AlertActor actor, string text) =>
        new(AlertEvents.Commented, actor, [.. AlertStates.Active, AlertStates.Resolved, AlertStates.Cancelled])
        {
            DetailJson = Detail(new { text }),
        };

    /// <summary>Assigns an active alert to a colleague (checked by the caller), or unassigns it (null).</summary>
    public static AlertChange Assign(AlertActor actor, Guid? assignee) =>
        new AlertChange(AlertEvents.Assigned, actor, AlertStates.Active) { DetailJson = Detail(new { assignee }) }
            .Set("assigned_to", assignee);

    /// <summary>Why a resolution cannot be recorded (field, reason), or null when it can.</summary>
    public static (string Field, string Reason)? InvalidResolution(string? outcome, string? note) =>
        outcome is null || !AlertOutcomes.ForStaff.Contains(outcome)
            ? ("outcome", $"One of {string.Join(", ", AlertOutcomes.ForStaff)}.")
            : note is { Length: > MaxTextLength } ? ("note", $"At most {MaxTextLength} characters.") : null;

    /// <summary>Why a comment cannot be recorded (field, reason), or null when it can.</summary>
    public static (string Field, string Reason)? InvalidComment(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ("text", "A comment needs text.")
        : text.Length > MaxTextLength ? ("text", $"At most {MaxTextLength} characters.") : null;

    /// <summary>
    /// The relatives already called about the alert are told it was taken or closed, on the channels that called
    /// them. Urgent, so quiet hours do not hold it back: whoever was woken by the alarm should hear at once that
    /// someone has it. One per alert, kind, channel and relative (a retried command queues nothing twice).
    /// </summary>
    public static IReadOnlyList<OutboxMessage> ToRelatives(AlertRecord alert, string kind,
        IReadOnlyList<(string Channel, string Recipient)> calledRelatives)
    {
        var payload = new NotificationPayload(alert.Id, alert.SeniorId, alert.Kind, alert.Severity).ToJson();
        return calledRelatives.Select(r => new OutboxMessage(r.Channel, r.Recipient, kind, true,
            $"alert:{alert.Id}:{kind}:{r.Channel}:{r.Recipient}", payload)).ToList();
    }

    private static AlertChange StopTimers(AlertChange change) =>
        change.Set("next_step_at", null).Set("severity_rises_at", null).Set("prompt_deadline", null);

    private static string Detail(object detail) => JsonSerializer.Serialize(detail, JsonSerializerOptions.Web);
}
