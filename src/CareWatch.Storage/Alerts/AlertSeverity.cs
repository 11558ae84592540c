namespace CareWatch.Storage.Alerts;

/// <summary>How urgent an alert is (alerts.severity, a smallint so that queues sort by it).</summary>
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
