namespace CareWatch.Monitoring;

/// <summary>The kinds of alert a monitor raises (stored in alerts.kind).</summary>
public static class AlertKinds
{
    /// <summary>Still for longer than allowed.</summary>
    public const string Inactivity = "inactivity";
    /// <summary>The senior pressed SOS.</summary>
    public const string Sos = "sos";
    /// <summary>The watch detected a fall.</summary>
    public const string Fall = "fall";

    /// <summary>Device health: the watch is off the wrist.</summary>
    public const string NotWorn = "not-worn";
    /// <summary>Device health: the watch was left on its charger.</summary>
    public const string LeftCharging = "left-charging";
    /// <summary>Device health: the watch has sent nothing for too long.</summary>
    public const string Offline = "offline";
    /// <summary>Device health: the battery is below the bureau's level by day.</summary>
    public const string LowBattery = "low-battery";

    /// <summary>A wellbeing insight (a change of routine): shown to staff, not an alarm, never escalated.</summary>
    public const string Wellbeing = "wellbeing";

    /// <summary>
    /// The kinds whose condition a senior's monitor follows after raising them: it records when inactivity ends and
    /// auto-resolves device health. SOS and falls are only raised by the monitor; people close all alarms.
    /// </summary>
    public static readonly IReadOnlyList<string> MonitorManaged = [Inactivity, NotWorn, LeftCharging, Offline, LowBattery];
}
