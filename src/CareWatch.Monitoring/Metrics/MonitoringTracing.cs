using System.Diagnostics;

namespace CareWatch.Monitoring.Metrics;

/// <summary>
/// The monitors' traces (activity source <c>CareWatch.Monitoring</c>, beside the meter of the same name): raising an
/// alert, inside the trace of the device message it came from (carried into the grain by Orleans' activity
/// propagation), escalating it, and delivering a notification, which continues the trace stored with its outbox row.
/// </summary>
/// <remarks>Tags are vocabulary and row ids (alert, outbox row), never a person's name, address or number.</remarks>
public static class MonitoringTracing
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "CareWatch.Monitoring";

    /// <summary>An alert raised (or a repeat recorded) by a senior's monitor.</summary>
    public const string AlertRaise = "alert.raise";

    /// <summary>
    /// The escalation sweep's work on one alert (chain steps, reminders, a severity rise), continuing the alert's
    /// trace, so the sweep's log lines about it carry the alert's correlation id.
    /// </summary>
    public const string AlertEscalate = "alert.escalate";

    /// <summary>One delivery attempt of an outbox row.</summary>
    public const string NotificationDeliver = "notification.deliver";

    internal static readonly ActivitySource Source = new(SourceName);
}
