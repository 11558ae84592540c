using Azure.Messaging.EventHubs;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;

namespace CareWatch.Gateway.Hub;

/// <summary>Reads one partition's events after a sequence number (null: from the start); a null item is a quiet moment.</summary>
internal delegate IAsyncEnumerable<EventData?> PartitionReader(string partitionId, long? afterSequenceNumber, CancellationToken ct);

/// <summary>
/// Moves one partition of IoT Hub's Event Hubs endpoint into the telemetry pipeline. The checkpoint in
/// PostgreSQL only advances past events that were stored (or deliberately skipped as invalid), so when
/// the hub connection or the database fails the pump waits (exponential backoff) and re-reads from the
/// checkpoint; the events read again are absorbed by de-duplication on (device, seq).
/// </summary>
internal sealed class PartitionPump(
    string consumerGroup,
    string partitionId,
    PartitionReader read,
    Func<HubMessage, CancellationToken, Task> handle,
    HubCheckpointStore checkpoints,
    GatewayMetrics metrics,
    IotHubOptions options,
    ILogger logger)
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Pumps until cancelled (or until the reader ends, which only test readers do).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await PumpAsync(ct);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failures++;
                metrics.OnHubReadFailed();
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, BaseDelay.Ticks << Math.Min(failures - 1, 20)));
                logger.LogWarning(ex, "Partition {Partition} of the IoT Hub endpoint failed (attempt {Attempt}); resuming from the checkpoint in {Delay}",
                    partitionId, failures, delay);
                // Wall clock on purpose, like the pipeline's retries: a frozen test clock must not stall ingestion.
                await Task.Delay(delay, ct);
            }
        }
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        var checkpoint = await checkpoints.GetAsync(consumerGroup, partitionId, ct);
        long? done = null;
        var sinceCheckpoint = 0;
        await foreach (var data in read(partitionId, checkpoint, ct))
        {
            if (data is not null)
            {
                var message = HubEventMapper.Map(data, out var refusal);
                if (message is null) metrics.OnRefused(refusal!);
                else await handle(message, ct); // throws when not stored: the checkpoint stays before this event
                done = data.SequenceNumber;
                if (++sinceCheckpoint < options.CheckpointEvery) continue;
            }
            if (done is not null) await checkpoints.SetAsync(consumerGroup, partitionId, done.Value, ct);
            done = null;
            sinceCheckpoint = 0;
        }
        if (done is not null) await checkpoints.SetAsync(consumerGroup, partitionId, done.Value, ct);
    }
}
