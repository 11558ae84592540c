using CareWatch.Detection;
using CareWatch.Detection.Baselines;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.Monitoring.Tests.Support;

/// <summary>A <see cref="SeniorMonitor"/> on a fake clock with the fixed rule (still 10 min by day, 60 min at night).</summary>
public sealed class MonitorRig
{
    public static readonly TimeSpan DayLimit = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan NightLimit = TimeSpan.FromMinutes(60);

    public MonitorRig(DateTime nowUtc)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        Alerts = new FakeMonitorAlerts { Time = Time };
        Monitor = NewMonitor();
    }

    public FakeTimeProvider Time { get; }
    public FakeMonitorAlerts Alerts { get; }
    public SeniorMonitor Monitor { get; private set; }
    public MonitorOptions Options { get; } = new() { NotWornAlertAfter = TimeSpan.FromMinutes(30), ChargingAlertAfter = TimeSpan.FromMinutes(30) };

    public static DetectorSource Rule(int? version = null) => new(
        () => new TimerDetector(new StillDefinition(0, 0, 30), DayLimit, NightLimit, DayBand.Default), version);

    /// <summary>A monitor as a fresh activation makes it (a restart): it knows only what storage tells it.</summary>
    public SeniorMonitor NewMonitor() => Monitor = new SeniorMonitor(Alerts, Alerts, Guid.NewGuid(), Options, TimeZoneInfo.Utc, Time, NullLogger.Instance);

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static List<StoredMinute> Minutes(DateTime from, int count, int movement, bool worn = true) =>
        Enumerable.Range(0, count).Select(i => new StoredMinute(from.AddMinutes(i), movement, worn)).ToList();

    /// <summary>She presses OK at <paramref name="at"/>: stored by the gateway, then reported to the monitor.</summary>
    public async Task OkAsync(DateTime at)
    {
        Alerts.OkPresses.Add(at);
        await Monitor.ObserveEventsAsync([new DeviceEvent(at, DeviceEventKind.Ok)], CancellationToken.None);
    }

    /// <summary>Feeds live minutes one batch a minute, moving the clock along as a watch streaming in real time would.</summary>
    public async Task LiveAsync(List<StoredMinute> minutes, bool charging = false)
    {
        foreach (var m in minutes)
        {
            if (m.Start.AddMinutes(1) > Now) Time.SetUtcNow(new DateTimeOffset(m.Start.AddMinutes(1), TimeSpan.Zero));
            await Monitor.ObserveMinutesAsync([m], charging, CancellationToken.None);
        }
    }
}
