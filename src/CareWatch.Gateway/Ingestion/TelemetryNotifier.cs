using System.Diagnostics;
using System.Threading.Channels;
using CareWatch.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareWatch.Gateway.Ingestion;

/// <summary>
/// Hands stored messages to the <see cref="ITelemetryObserver"/>s on a loop of its own, in the order
/// they were committed, so that a slow or failing monitor never delays a PUBACK or the next write.
/// A failed hand-over is counted (<see cref="GatewayMetrics.NotificationFailures"/>): the data is stored, but
/// that monitor has not seen it until it next reads the senior's history from PostgreSQL (on activation).
/// </summary>
public sealed class TelemetryNotifier(
    IEnumerable<ITelemetryObserver> observers, GatewayMetrics metrics, ILogger<TelemetryNotifier> logger)
    : BackgroundService
{
    private readonly ITelemetryObserver[] _observers = observers.ToArray();
    private readonly Channel<QueuedTelemetry> _queue = Channel.CreateBounded<QueuedTelemetry>(
        new BoundedChannelOptions(50_000) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    // The queue is where the message's activity ends: its context travels with it, explicitly.
    internal ValueTask EnqueueAsync(IncomingTelemetry message, ActivityContext trace, CancellationToken ct) =>
        _observers.Length == 0 ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(new(message, trace), ct);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (m, trace) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                // A child of the message's activity: the grain calls below carry it on (Orleans' activity propagation).
                using var activity = GatewayTracing.Source.StartActivity(GatewayTracing.Observe, ActivityKind.Internal, trace);
                activity?.SetTag("carewatch.device.id", m.DeviceId);
                var stored = new StoredTelemetry(m.DeviceId, m.SeniorId, m.Batch);
                foreach (var observer in _observers)
                {
                    try
                    {
                        await observer.OnStoredAsync(stored, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        // The data is durable; monitors rebuild from PostgreSQL, so count, log and go on.
                        metrics.OnNotificationFailed();
                        activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                        logger.LogError(ex, "Telemetry observer {Observer} failed for {DeviceId} seq {Seq}",
                            observer.GetType().Name, m.DeviceId, m.Batch.Seq);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private readonly record struct QueuedTelemetry(IncomingTelemetry Message, ActivityContext Trace);
}
