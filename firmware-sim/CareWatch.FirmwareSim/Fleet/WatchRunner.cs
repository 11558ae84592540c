using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>
/// Drives one watch: uploads the backfill in hour-sized batches (only the minutes after those the server already
/// stores, see <see cref="FleetMember.BackfillStart"/>), then every batch interval sends the
/// minutes completed since the previous batch, with any scripted events and the current battery, until
/// a scripted battery death silences it. Its time is the watch's own clock (<see cref="SimulatedWatch.Clock"/>).
/// </summary>
public sealed class WatchRunner(FleetMember member, SimulatedWatch watch, FleetOptions options)
{
    private readonly TimeProvider _time = watch.Clock;

    /// <summary>The watch driven.</summary>
    public SimulatedWatch Watch => watch;

    /// <summary>Runs until cancelled, or until the scripted battery death (then disconnects and returns).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var start = _time.GetUtcNow();
            var cursor = new MinuteCursor(member.BackfillStart(start.UtcDateTime, options.Backfill));
            var alive = await SendCompletedAsync(cursor, start, options.BackfillBatchMinutes, cancellationToken);

            using var timer = new PeriodicTimer(options.BatchInterval, _time);
            while (alive && await timer.WaitForNextTickAsync(cancellationToken))
                alive = await SendCompletedAsync(cursor, _time.GetUtcNow(), TelemetryLimits.MaxMinutesPerBatch, cancellationToken);
            if (!alive)
            {
                options.Watch.Log?.Invoke($"{watch.DeviceId}: battery flat, silent from now on");
                await watch.DisconnectAsync();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: whatever is unacknowledged stays in the buffer, as on a real watch switched off.
        }
    }

    /// <summary>
    /// Sends the completed minutes up to <paramref name="now"/> in batches of at most <paramref name="maxMinutes"/>.
    /// Returns false once the watch is dead (scripted): its last batch ends at the death and reports 0 %.
    /// </summary>
    public async Task<bool> SendCompletedAsync(MinuteCursor cursor, DateTimeOffset now, int maxMinutes, CancellationToken cancellationToken)
    {
        var dies = member.Scenario.DiesAtUtc;
        foreach (var (from, rangeEnd) in cursor.TakeCompleted(now, maxMinutes))
        {
            var dying = dies is { } d && d < rangeEnd;
            var to = dying ? MinuteCursor.FloorToMinute(dies!.Value) : rangeEnd;
            if (to <= from) return false;
            var minutes = member.Scenario.Minutes(member.Routine, from, to);
            var events = member.Scenario.EventsBetween(from, to);
            var battery = member.Scenario.BatteryAt(member.Routine, dying ? dies!.Value : to.AddTicks(-1));
            await watch.SendAsync(minutes, events, battery, cancellationToken);
            if (dying) return false;
        }
        return !member.Scenario.IsDeadAt(now.UtcDateTime);
    }
}
