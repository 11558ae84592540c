using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareWatch.Monitoring.Notifications.Webhooks;

/// <summary>
/// The JSON body of a webhook call: what a gateway needs to write an SMS or WeChat message itself.
/// </summary>
/// <param name="Event">The notification kind: alert-open, reminder, alert-acknowledged, alert-resolved, …</param>
/// <param name="Id">The idempotency key (also the Idempotency-Key header): the same on every attempt.</param>
/// <param name="AlertId">The alert.</param>
/// <param name="AlertKind">sos, fall, inactivity, not-worn, left-charging, offline, low-battery, wellbeing.</param>
/// <param name="Severity">info, low, high or critical.</param>
/// <param name="SeniorName">The senior's display name, for the message text.</param>
/// <param name="Step">The escalation step that called (0: not a step).</param>
/// <param name="Reminder">The reminder's number (0: not a reminder).</param>
/// <param name="Urgent">Urgent notifications should go whatever the hour.</param>
/// <param name="SentAt">When this attempt was made (UTC).</param>
/// <param name="Recipient">
/// Whom to text, for a message to a senior's contact through the gateway; null when the webhook itself is the
/// recipient (an escalation step that calls the gateway, which knows whom to tell).
/// </param>
/// <param name="RespondUrl">The contact's signed "I'm checking on her" link (null: none, or no public address).</param>
public sealed record WebhookEvent(
    string Event, string Id, long AlertId, string AlertKind, string Severity, string SeniorName, int Step, int Reminder,
    bool Urgent, DateTime SentAt, WebhookRecipient? Recipient = null, string? RespondUrl = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The body as sent (UTF-8 JSON, camelCase).</summary>
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <summary>A contact to text (the <c>recipient</c> object of a webhook call).</summary>
/// <param name="Kind">Always <c>contact</c> for now.</param>
/// <param name="Language">en, de or zh: the language to write the message in.</param>
public sealed record WebhookRecipient(string Kind, Guid Id, string Name, string Phone, string Language);
