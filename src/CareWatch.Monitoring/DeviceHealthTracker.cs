namespace CareWatch.Monitoring;

/// <summary>The device-health state a senior's watch is in, judged from its minutes and charging flag.</summary>
public enum DeviceHealthProblem
{
    /// <summary>Worn, or off the wrist only briefly, or on its charger for a normal while.</summary>
    None,
    /// <summary>Off the wrist (and not charging) for longer than allowed during the day.</summary>
    NotWorn,
    /// <summary>On the charger for longer than allowed during the day.</summary>
    LeftCharging,
}

/// <summary>
/// Follows whether the watch is on the wrist. Not worn and charging are device states, never inactivity:
/// they raise device-health alerts (lower severity) so staff can phone the senior to put the watch back on.
/// Offline watches are found by the supervision sweep, since an offline watch sends nothing to judge.
/// </summary>
public sealed class DeviceHealthTracker(MonitorOptions options)
{
    /// <summary>UTC start of the current off-wrist (not charging) run, or null.</summary>
    public DateTime? NotWornSince { get; private set; }

    /// <summary>UTC start of the current charging run, or null.</summary>
    public DateTime? ChargingSince { get; private set; }

    /// <summary>The problem after this minute, judged during the senior's day band only (off at night is normal).</summary>
    public DeviceHealthProblem Observe(DateTime utc, DateTime local, bool worn, bool charging)
    {
        // A watch on the wrist wins over another of the senior's watches on its charger.
        ChargingSince = charging && !worn ? ChargingSince ?? utc : null;
        NotWornSince = !worn && !charging ? NotWornSince ?? utc : null;
        if (local.Hour < options.DayStartHour || local.Hour >= options.DayEndHour) return DeviceHealthProblem.None;
        // Only daytime counts: a watch charged overnight has not been "left on the charger for 3 h" at 08:01.
        // (A band of the whole day, 0–24, has no start to count from: the run counts in full.)
        var dayStart = options is { DayStartHour: 0, DayEndHour: 24 }
            ? DateTime.MinValue
            : utc - (local - local.Date.AddHours(options.DayStartHour));
        var end = utc + TimeSpan.FromMinutes(1);
        if (NotWornSince is { } off && end - Later(off, dayStart) >= options.NotWornAlertAfter) return DeviceHealthProblem.NotWorn;
        if (ChargingSince is { } on && end - Later(on, dayStart) >= options.ChargingAlertAfter) return DeviceHealthProblem.LeftCharging;
        return DeviceHealthProblem.None;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
