using System.Collections.Concurrent;
using CareWatch.Gateway.Ingestion;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Tells a test when the monitors have seen a message. Registered after the production observer, so the gateway
/// calls it only once the senior's monitor grain has handled that message ("the monitor has seen seq N"): tests
/// wait for that instead of reading monitor or alert state right after PUBACK.
/// </summary>
public sealed class MonitorProgress : ITelemetryObserver
{
    private readonly ConcurrentDictionary<(string DeviceId, long Seq), TaskCompletionSource> _seen = new();

    /// <inheritdoc />
    public Task OnStoredAsync(StoredTelemetry telemetry, CancellationToken ct)
    {
        Slot(telemetry.DeviceId, telemetry.Batch.Seq).TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Completes when the monitors have handled the device's message <paramref name="seq"/>.</summary>
    public async Task SeenAsync(string deviceId, long seq)
    {
        // The bound only turns a hang into a failure; it is not a timing assertion.
        try { await Slot(deviceId, seq).Task.WaitAsync(TimeSpan.FromSeconds(60)); }
        catch (TimeoutException) { Assert.Fail($"The monitors never saw {deviceId} seq {seq}."); }
    }

    private TaskCompletionSource Slot(string deviceId, long seq) =>
        _seen.GetOrAdd((deviceId, seq), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
