using System.Collections.Concurrent;
using System.Threading.Channels;
using CareWatch.Gateway.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>An observer that records what it was told, in order.</summary>
public sealed class RecordingObserver : ITelemetryObserver
{
    private readonly Channel<StoredTelemetry> _seen = Channel.CreateUnbounded<StoredTelemetry>();

    public ConcurrentQueue<StoredTelemetry> All { get; } = new();

    /// <summary>A device whose messages this observer fails to take (throws), as a monitor that is down would.</summary>
    public string? FailFor { get; set; }

    public Task OnStoredAsync(StoredTelemetry telemetry, CancellationToken ct)
    {
        if (telemetry.DeviceId == FailFor) throw new InvalidOperationException("observer down (test)");
        All.Enqueue(telemetry);
        _seen.Writer.TryWrite(telemetry);
        return Task.CompletedTask;
    }

    /// <summary>Waits for the notification of a device's message (the generous timeout only guards a hang).</summary>
    public async Task<StoredTelemetry> WaitForAsync(string deviceId, long seq)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var t in _seen.Reader.ReadAllAsync(guard.Token))
            if (t.DeviceId == deviceId && t.Batch.Seq == seq) return t;
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>A gateway host with a <see cref="RecordingObserver"/>.</summary>
public sealed class ObservedGatewayHost : GatewayHost
{
    public RecordingObserver Observer { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ITelemetryObserver>(Observer);
}
