using CareWatch.Protocol;

namespace CareWatch.Gateway.Ingestion;

/// <summary>A device message that is now durable in PostgreSQL, handed on to whoever watches telemetry.</summary>
/// <param name="DeviceId">The watch that sent it.</param>
/// <param name="SeniorId">The senior the watch belongs to (null: unassigned watch, nobody to monitor).</param>
/// <param name="Batch">The validated batch.</param>
public sealed record StoredTelemetry(string DeviceId, Guid? SeniorId, TelemetryBatch Batch);

/// <summary>
/// The gateway's port for what happens after a commit. The gateway owns it so that it depends on nothing above
/// it; the composition root adapts it to the senior monitors.
/// </summary>
public interface ITelemetryObserver
{
    /// <summary>Called once per newly stored message (never for a duplicate), in commit order.</summary>
    Task OnStoredAsync(StoredTelemetry telemetry, CancellationToken ct);
}
