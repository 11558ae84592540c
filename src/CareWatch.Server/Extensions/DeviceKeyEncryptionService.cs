using CareWatch.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;
using Polly.Retry;

namespace CareWatch.Server.Extensions;

/// <summary>
/// At every start: loads (or, on an empty ring, creates) the Data Protection key ring, then runs the one-time
/// <see cref="PlainDeviceKeyEncryption"/> (a SQL migration cannot call Data Protection). It retries until the
/// schema has migration 0017, like the migrations themselves, and the node is not ready until it is done: a watch
/// whose key is still in plain text could not authenticate yet.
/// </summary>
public sealed class DeviceKeyEncryptionService(
    PlainDeviceKeyEncryption encryption, IDeviceKeyProtector protector, ILogger<DeviceKeyEncryptionService> logger)
    : BackgroundService, IHealthCheck
{
    private volatile bool _done;

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(15),
            OnRetry = args =>
            {
                // The message only: it names tables and columns, never a key.
                logger.LogInformation("Device key encryption waiting (attempt {Attempt}): {Reason}",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
