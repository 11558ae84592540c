using CareWatch.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;

namespace CareWatch.Server.Extensions;

/// <summary>
/// At every start: loads (or, on an empty ring, creates) the Data Protection key ring, then runs the one-time
/// <see cref="PlainDeviceKeyEncryption"/> (a SQL migration cannot call Data Protection). It starts once the
/// migrations are applied and retries through database outages, and the node is not ready until it is done: a watch
/// whose key is still in plain text could not authenticate yet.
/// </summary>
public sealed class DeviceKeyEncryptionService(
    PlainDeviceKeyEncryption encryption, IDeviceKeyProtector protector, DatabaseSchema schema,
    ILogger<DeviceKeyEncryptionService> logger)
    : BackgroundService, IHealthCheck
{
    private volatile bool _done;

    // The message only: it names tables and columns, never a key.
    private readonly ResiliencePipeline _retry = StartupRetry.Forever(
        logger, LogLevel.Information, "Device key encryption waiting", TimeSpan.FromMilliseconds(250));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The ring lives in a table of migration 0017: reading it earlier only logs errors.
        await schema.Migrated.WaitAsync(stoppingToken);
        var encrypted = await _retry.ExecuteAsync(async ct =>
        {
            // A round trip through the ring first: it fails here, with its own reason, if the ring is unreadable
            // (a missing key-encryption certificate), instead of at the first watch.
            if (protector.Unprotect(protector.Protect("ring-check")) != "ring-check")
                throw new InvalidOperationException("The Data Protection key ring does not round-trip.");
            return await encryption.RunAsync(ct);
        }, stoppingToken);
        _done = true;
        if (encrypted > 0) logger.LogWarning("Encrypted the plain-text keys of {Count} watches", encrypted);
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_done
            ? HealthCheckResult.Healthy("device keys encrypted at rest")
            : HealthCheckResult.Unhealthy("key ring not loaded or plain device keys not yet encrypted"));
}
