using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>
/// Drives one watch: uploads the backfill in hour-sized batches, then every batch interval sends the
/// minutes completed since the previous batch, with any scripted events and the current battery.
/// </summary>
public sealed class WatchRunner(FleetMember member, SimulatedWatch watch, FleetOptions options)
{
    private readonly TimeProvider _time = options.Watch.TimeProvider;

    /// <summary>The watch driven.</summary>
    public SimulatedWatch Watch => watch;

    /// <summary>Runs until cancelled (then returns without throwing).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var start = _time.GetUtcNow();
            var cursor = new MinuteCursor((start - options.Backfill).UtcDateTime);
            await SendCompletedAsync(cursor, start, options.BackfillBatchMinutes, cancellationToken);

            using var timer = new PeriodicTimer(options.BatchInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await SendCompletedAsync(cursor, _time.GetUtcNow(), TelemetryLimits.MaxMinutesPerBatch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: whatever is unacknowledged stays in the buffer, as on a real watch switched off.
        }
    }

    /// <summary>Sends the completed minutes up to <paramref name="now"/> in batches of at most <paramref name="maxMinutes"/>.</summary>
    public async Task SendCompletedAsync(MinuteCursor cursor, DateTimeOffset now, int maxMinutes, CancellationToken cancellationToken)
    {
        foreach (var (from, to) in cursor.TakeCompleted(now, maxMinutes))
        {
            var minutes = member.Scenario.Minutes(member.Routine, from, to);
            var events = member.Scenario.EventsBetween(from, to);
            var battery = member.Routine.BatteryAt(to.AddTicks(-1));
            await watch.SendAsync(minutes, events, battery, cancellationToken);
        }
    }
}
