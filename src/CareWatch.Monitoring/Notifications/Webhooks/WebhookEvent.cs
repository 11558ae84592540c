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
public sealed record WebhookEvent(
    string Event, string Id, long AlertId, string AlertKind, string Severity, string SeniorName, int Step, int Reminder,
    bool Urgent, DateTime SentAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The body as sent (UTF-8 JSON, camelCase).</summary>
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
