using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.CheckIn;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>
/// Drives one watch: uploads the backfill in hour-sized batches (only the minutes after those the server already
/// stores, see <see cref="FleetMember.BackfillStart"/>), then every batch interval sends the
/// minutes completed since the previous batch, with any scripted events and the current battery, until
/// a scripted battery death silences it. Its time is the watch's own clock (<see cref="SimulatedWatch.Clock"/>).
/// With a <see cref="PromptResponder"/>, each OK the senior presses goes out at once in a batch of its own (the
/// check-in window is minutes, a batch interval may be longer), and a dozing senior is up and about from then on.
/// </summary>
public sealed class WatchRunner(FleetMember member, SimulatedWatch watch, FleetOptions options,
    PromptResponder? responder = null)
{
    private readonly TimeProvider _time = watch.Clock;
    // Replaced (never mutated) when a dozing senior wakes; read by the batch loop.
    private volatile Scenario _scenario = member.Scenario;

    /// <summary>The watch driven.</summary>
    public SimulatedWatch Watch => watch;

    /// <summary>Runs until cancelled, or until the scripted battery death (then disconnects and returns).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stopPresses = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var presses = responder is null ? Task.CompletedTask : SendPressesAsync(responder, stopPresses.Token);
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
        finally
        {
            await stopPresses.CancelAsync();
            await presses;
        }
    }

    /// <summary>The scenario the watch follows now (the member's, until a dozing senior wakes).</summary>
    public Scenario Scenario => _scenario;

    // An OK press is an event-only batch (the protocol allows a batch without minutes), so it reaches the server
    // within the check-in window; a dead watch presses nothing.
    private async Task SendPressesAsync(PromptResponder prompts, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var at in prompts.Presses.ReadAllAsync(cancellationToken))
            {
                if (_scenario.IsDeadAt(at)) continue;
                if (prompts.Role == CheckInRole.Dozing) _scenario = _scenario.WithAwake(at);
                options.Watch.Log?.Invoke($"{watch.DeviceId}: OK pressed at {at:u}" +
                    (prompts.Role == CheckInRole.Dozing ? "; she gets up" : ""));
                await watch.SendAsync([], [new DeviceEvent(at, DeviceEventKind.Ok)], _scenario.BatteryAt(member.Routine, at),
                    cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: an unsent press stays in the buffer like any batch.
        }
    }

    /// <summary>
    /// Sends the completed minutes up to <paramref name="now"/> in batches of at most <paramref name="maxMinutes"/>.
    /// Returns false once the watch is dead (scripted): its last batch ends at the death and reports 0 %.
    /// </summary>
    public async Task<bool> SendCompletedAsync(MinuteCursor cursor, DateTimeOffset now, int maxMinutes, CancellationToken cancellationToken)
    {
        var scenario = _scenario;
        var dies = scenario.DiesAtUtc;
        foreach (var (from, rangeEnd) in cursor.TakeCompleted(now, maxMinutes))
        {
            var dying = dies is { } d && d < rangeEnd;
            var to = dying ? MinuteCursor.FloorToMinute(dies!.Value) : rangeEnd;
            if (to <= from) return false;
            var minutes = scenario.Minutes(member.Routine, from, to);
            var events = scenario.EventsBetween(from, to);
            var battery = scenario.BatteryAt(member.Routine, dying ? dies!.Value : to.AddTicks(-1));
            await watch.SendAsync(minutes, events, battery, cancellationToken);
            if (dying) return false;
        }
        return !scenario.IsDeadAt(now.UtcDateTime);
    }
}
