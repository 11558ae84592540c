using CareWatch.Gateway.Ingestion;
using CareWatch.Monitoring;
using CareWatch.Server.Hubs;
using CareWatch.Storage;

namespace CareWatch.Server.Adapters;

/// <summary>
/// Adapts the gateway's observer port to the monitors: hands stored telemetry to the senior's grain, then tells the
/// seniors board what the monitor now sees (its still period) and what the batch said of the watch.
/// </summary>
public sealed class MonitorTelemetryObserver(IGrainFactory grains, SeniorStateFeed seniorsBoard) : ITelemetryObserver
{
    /// <inheritdoc />
    public async Task OnStoredAsync(StoredTelemetry telemetry, CancellationToken ct)
    {
        if (telemetry.SeniorId is not { } seniorId) return; // an unassigned watch has nobody to watch over
        var monitor = grains.GetGrain<ISeniorMonitorGrain>(seniorId);
        var batch = telemetry.Batch;
        if (batch.Events.Count > 0)
            await monitor.ObserveEventsAsync(batch.Events.Select(e => new ObservedEvent(e.At, e.Kind)).ToList());
        // Every batch carries the watch's battery, also one with events only: one call hands on minutes and battery.
        var newest = batch.Minutes.Count > 0 ? batch.Minutes[^1].Start.AddMinutes(1) : batch.Events.Max(e => e.At);
        var battery = new BatteryReading(telemetry.DeviceId, batch.Battery, batch.Charging, DateTime.SpecifyKind(newest, DateTimeKind.Utc));
        await monitor.ObserveMinutesAsync(batch.Minutes.Select(m => new StoredMinute(m.Start, m.Movement, m.Worn)).ToList(),
            batch.Charging, battery);
        // A local call on the activation that just took the batch; the board's feed only marks her (no I/O here).
        var snapshot = await monitor.GetSnapshotAsync();
        seniorsBoard.BatchObserved(seniorId, snapshot, batch.Battery, batch.Charging,
            batch.Minutes.Count > 0 ? batch.Minutes[^1].Worn : null);
    }
}
