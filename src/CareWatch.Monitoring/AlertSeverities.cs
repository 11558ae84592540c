using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring;

/// <summary>
/// How urgent each kind of alert is, and whether that rises while nobody acknowledges it: one table for the monitor,
/// the check-in and the sweeps. SOS and falls are emergencies from the start; inactivity is a possible emergency that
/// becomes critical after <see cref="MonitorOptions.InactivityCriticalAfter"/> unacknowledged; device health is a
/// nuisance to fix by phone and never rises; a wellbeing insight is not an alarm.
/// </summary>
public static class AlertSeverities
{
    /// <summary>The severity an alert of the kind is raised with.</summary>
    public static AlertSeverity For(string kind) => kind switch
    {
        AlertKinds.Sos or AlertKinds.Fall => AlertSeverity.Critical,
        AlertKinds.Inactivity => AlertSeverity.High,
        AlertKinds.Wellbeing => AlertSeverity.Info,
        _ => AlertSeverity.Low, // not worn, left charging, offline, low battery
    };

    /// <summary>When the severity of an alert of the kind opened to staff at <paramref name="openedAt"/> rises; null: never.</summary>
    public static DateTime? RisesAt(string kind, DateTime openedAt, MonitorOptions options) =>
        kind == AlertKinds.Inactivity && options.InactivityCriticalAfter is { } after ? openedAt + after : null;

    /// <summary>
    /// Whether an alert of the kind, set off by <paramref name="trigger"/>, first asks the senior on the watch ("Are you
    /// OK?"): inactivity does when the check-in is on, unless the two-stage policy calls staff at once (a safety-floor
    /// alert with <see cref="MonitorOptions.FloorCallsStaff"/>). A watch that cannot be reached is handled when asked.
    /// </summary>
    public static bool ChecksIn(string kind, MonitorOptions options, Detection.AlertTrigger? trigger = null) =>
        kind == AlertKinds.Inactivity && options.CheckIn
        && new Detection.CheckIn.StagePolicy(options.FloorCallsStaff).Decide(trigger) == Detection.CheckIn.Stage.Prompt;

    /// <summary>Device-health kinds close themselves when their state ends (auto-resolved); alarms are closed by people.</summary>
    public static bool AutoResolves(string kind) =>
        kind is AlertKinds.NotWorn or AlertKinds.LeftCharging or AlertKinds.Offline or AlertKinds.LowBattery;
}
