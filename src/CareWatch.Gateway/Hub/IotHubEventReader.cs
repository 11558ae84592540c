using System.Runtime.CompilerServices;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using CareWatch.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Hub;

/// <summary>
/// Azure IoT Hub mode: one <see cref="PartitionPump"/> per partition of the hub's built-in Event
/// Hubs–compatible endpoint, with checkpoints in PostgreSQL (no Azure Storage account needed).
/// </summary>
internal sealed class IotHubEventReader(
    IOptions<IotHubOptions> options,
    HubTelemetryIngestor ingestor,
    HubCheckpointStore checkpoints,
    GatewayMetrics metrics,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var logger = loggers.CreateLogger<IotHubEventReader>();
        await using var consumer = new EventHubConsumerClient(o.ConsumerGroup, o.EventHubsConnectionString);
        string[] partitions;
        while (true)
        {
            try
            {
                partitions = await consumer.GetPartitionIdsAsync(stoppingToken);
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.OnHubReadFailed();
                logger.LogWarning(ex, "IoT Hub endpoint unreachable; retrying in {Delay}", o.MaxRetryDelay);
                await Task.Delay(o.MaxRetryDelay, stoppingToken);
            }
        }
        logger.LogInformation("Reading IoT Hub telemetry from {Count} partitions (consumer group {Group})", partitions.Length, o.ConsumerGroup);
        var pumps = partitions.Select(p => new PartitionPump(o.ConsumerGroup, p, (id, after, ct) => ReadAsync(consumer, id, after, ct),
            ingestor.IngestAsync, checkpoints, metrics, o, loggers.CreateLogger<PartitionPump>()).RunAsync(stoppingToken));
        await Task.WhenAll(pumps);
    }

    // Event Hubs returns an empty PartitionEvent after MaximumWaitTime without events; it becomes the null "quiet" item.
    private static async IAsyncEnumerable<EventData?> ReadAsync(EventHubConsumerClient consumer, string partitionId, long? after,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var start = after is null ? EventPosition.Earliest : EventPosition.FromSequenceNumber(after.Value, isInclusive: false);
        var read = new ReadEventOptions { MaximumWaitTime = TimeSpan.FromSeconds(1) };
        await foreach (var e in consumer.ReadEventsFromPartitionAsync(partitionId, start, read, ct))
            yield return e.Data;
    }
}
