using CareWatch.Monitoring;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Board;

namespace CareWatch.Server.Apis;

/// <summary>Decides a senior's <see cref="SeniorState"/> from what the board read of her (no I/O, no clock).</summary>
public static class SeniorStates
{
    /// <summary>
    /// A still period the monitor reported is current only while its minutes are: past this (the still tracker's
    /// longest hole, <see cref="CareWatch.Detection.StillPeriodTracker.MaxGap"/>) it is not shown as still.
    /// </summary>
    public static readonly TimeSpan StillFreshFor = CareWatch.Detection.StillPeriodTracker.MaxGap;

    /// <summary>The tile of <paramref name="r"/> at <paramref name="now"/>.</summary>
    /// <param name="r">What the board read.</param>
    /// <param name="connectedHere">The gateway of this node holds a connection of her newest watch now.</param>
    /// <param name="now">The present (UTC).</param>
    /// <param name="options">The monitors' day band (her night is the sleep window).</param>
    public static SeniorStateView View(SeniorStateRecord r, bool connectedHere, DateTime now, MonitorOptions options)
    {
        var still = r.StillSince is { } s && r.StillKnownUntil is { } known && now - known <= StillFreshFor
            ? s : (DateTime?)null;
        var batteryLow = r.Charging != true && (r.Battery < r.LowBatteryPercent || Has(r, AlertKinds.LowBattery));
        var (state, since) = Decide(r, connectedHere, still, batteryLow, now, options);
        return new SeniorStateView(r.SeniorId, r.Name, r.TimeZone, state, since, still, r.Battery, batteryLow,
            r.Charging, r.Worn, r.LastSeenAt, r.Alert?.Id, r.Alert?.Kind,
            r.Alert?.Severity.ToString().ToLowerInvariant(), now);
    }

    /// <summary>Whether it is night (outside the monitors' day band) in <paramref name="timeZone"/> now.</summary>
    public static bool IsNight(string timeZone, DateTime now, MonitorOptions options)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        var hour = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Hour;
        return hour < options.DayStartHour || hour >= options.DayEndHour;
    }

    private static (SeniorState, DateTime?) Decide(SeniorStateRecord r, bool connectedHere, DateTime? still,
        bool batteryLow, DateTime now, MonitorOptions options)
    {
        if (r.Alert is { } a && a.Status == AlertStates.Checking) return (SeniorState.CheckIn, a.StartedAt);
        if (r.Alert is { } b && b.Severity >= AlertSeverity.High) return (SeniorState.Alert, b.StartedAt);
        if (r.Watches == 0) return (SeniorState.NoWatch, null);
        var disconnected = Disconnected(r, connectedHere);
        if (disconnected || Has(r, AlertKinds.Offline))
            return (SeniorState.Offline, disconnected ? r.LastDisconnectedAt : r.LastSeenAt);
        if (r.LastSeenAt is null) return (SeniorState.NoData, null);
        if (r.Charging != true && (r.Worn == false || Has(r, AlertKinds.NotWorn))) return (SeniorState.NotWorn, null);
        if (r.Charging == true || Has(r, AlertKinds.LeftCharging)) return (SeniorState.OnCharger, null);
        if (batteryLow) return (SeniorState.BatteryLow, null);
        if (still is { } since)
            return (IsNight(r.TimeZone, now, options) ? SeniorState.SleepWindow : SeniorState.Still, since);
        return (SeniorState.Active, null);
    }

    // The registry says her watch's latest connection ended, and no connection is held here. (Offline is also the
    // supervision sweep's alert: a watch that reaches us through Azure IoT Hub never connects here, and a node that
    // died never recorded its watches leaving.)
    private static bool Disconnected(SeniorStateRecord r, bool connectedHere) =>
        !connectedHere && r.LastDisconnectedAt is { } left && (r.LastConnectedAt is not { } joined || left >= joined);

    private static bool Has(SeniorStateRecord r, string kind) => r.ActiveKinds.Contains(kind);
}
