using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// The structured facts a notification carries (notification_outbox.payload): ids and facts, never rendered text or
/// personal data. Channels render it per recipient (language) when they deliver it.
/// </summary>
/// <param name="AlertId">The alert.</param>
/// <param name="SeniorId">Its senior.</param>
/// <param name="AlertKind">Its kind (Monitoring's AlertKinds).</param>
/// <param name="Severity">Its severity when queued.</param>
/// <param name="Step">The escalation step that queued it (0: not a step).</param>
/// <param name="Reminder">The reminder number after the last step (0: not a reminder).</param>
public sealed record NotificationPayload(long AlertId, Guid SeniorId, string AlertKind, AlertSeverity Severity,
    int Step = 0, int Reminder = 0)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>As stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored payload; null when it is not one (a board push carries none).</summary>
    public static NotificationPayload? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<NotificationPayload>(json, Json) is { AlertId: > 0 } p ? p : null; }
        catch (JsonException) { return null; }
    }
}
