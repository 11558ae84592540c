using CareWatch.Protocol;

namespace CareWatch.Monitoring;

/// <summary>A device message that is now durable in PostgreSQL, handed on to the monitors.</summary>
/// <param name="DeviceId">The watch that sent it.</param>
/// <param name="SeniorId">The senior the watch belongs to (null: unassigned watch, nobody to monitor).</param>
/// <param name="Batch">The validated batch.</param>
public sealed record StoredTelemetry(string DeviceId, Guid? SeniorId, TelemetryBatch Batch);

/// <summary>Receives telemetry after it is stored. Implemented by the monitors; called by ingestion.</summary>
public interface ITelemetryObserver
{
    /// <summary>Called once per newly stored message (never for a duplicate).</summary>
    Task OnStoredAsync(StoredTelemetry telemetry, CancellationToken ct);
}
