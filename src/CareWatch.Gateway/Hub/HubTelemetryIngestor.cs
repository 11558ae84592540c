using System.Buffers;
using System.Diagnostics;
using CareWatch.Gateway.Ingestion;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;

namespace CareWatch.Gateway.Hub;

/// <summary>What became of one event from the hub.</summary>
internal enum HubIngestOutcome
{
    /// <summary>Stored.</summary>
    Accepted,
    /// <summary>Already stored (redelivery after a restart).</summary>
    Duplicate,
    /// <summary>Invalid content: counted and skipped, as the embedded gateway acknowledges and drops it.</summary>
    Rejected,
    /// <summary>Not from a watch CareWatch knows (or a disabled one): counted and skipped.</summary>
    Refused,
}

/// <summary>
/// The embedded gateway's checks and pipeline, fed from IoT Hub instead of MQTT. The hub has already
/// authenticated the device; CareWatch still requires it in its own registry (to know the senior).
/// Throws when the message could not be stored: the caller must then not checkpoint past it.
/// </summary>
internal sealed class HubTelemetryIngestor(
    DeviceRegistry registry, TelemetryPipeline pipeline, TimeProvider time, GatewayMetrics metrics, ILogger<HubTelemetryIngestor> logger)
{
    public async Task<HubIngestOutcome> IngestAsync(HubMessage message, CancellationToken ct)
    {
        var device = await registry.FindIdentityAsync(message.DeviceId, ct); // no keys: nothing to decrypt
        if (device is null || !device.Enabled)
        {
            metrics.OnRefused(device is null ? "unknown-device" : "disabled");
            logger.LogInformation("Skipped hub message of {DeviceId}: {Reason}", message.DeviceId, device is null ? "unknown" : "disabled");
            return HubIngestOutcome.Refused;
        }
        var now = time.GetUtcNow();
        var (batch, result, clockError, digest) = TelemetryIngestor.Check(
            new ReadOnlySequence<byte>(message.Payload), message.Properties, now, message.EnqueuedAt);
        if (!result.IsValid)
        {
            metrics.OnRejected(result.Reason);
            logger.LogInformation("Rejected hub message of {DeviceId}: {Reason} ({Detail})", message.DeviceId, result.Reason, result.Detail);
            return HubIngestOutcome.Rejected;
        }
        using var activity = GatewayTracing.StartMessage(device.DeviceId, batch!, ActivityKind.Consumer);
        var incoming = new IncomingTelemetry(
            device.DeviceId, device.SeniorId, batch!, now.UtcDateTime, clockError, digest);
        var isNew = await pipeline.SubmitAsync(incoming, ct);
        metrics.OnStored(isNew, clockError);
        return isNew ? HubIngestOutcome.Accepted : HubIngestOutcome.Duplicate;
    }
}
