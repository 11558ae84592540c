using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// How urgent an alert is (alerts.severity, a smallint so that queues sort by it). In JSON it is its word
/// ("high"), as every API shows it, not the stored number.
/// </summary>
[JsonConverter(typeof(AlertSeverityJsonConverter))]
public enum AlertSeverity : short
{
    /// <summary>Not an alarm: a wellbeing insight.</summary>
    Info = 0,
    /// <summary>Device health: the watch is off, on its charger, offline or low on battery.</summary>
    Low = 1,
    /// <summary>A possible emergency (inactivity).</summary>
    High = 2,
    /// <summary>An emergency (SOS, fall), or a high alert left unacknowledged too long.</summary>
    Critical = 3,
}

/// <summary>Writes and reads <see cref="AlertSeverity"/> as its lower-case word.</summary>
public sealed class AlertSeverityJsonConverter() : JsonStringEnumConverter<AlertSeverity>(JsonNamingPolicy.CamelCase);
