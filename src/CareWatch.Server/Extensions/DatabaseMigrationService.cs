using CareWatch.Storage;
using Polly;
using Polly.Retry;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Applies migrations when the server starts. It runs in the background and retries while PostgreSQL
/// is unreachable, so the process stays up (live) and /health/ready says why it is not ready.
/// </summary>
public sealed class DatabaseMigrationService(string connectionString, ILogger<DatabaseMigrationService> logger) : BackgroundService
{
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(15),
            OnRetry = args =>
            {
                logger.LogWarning("Database not ready for migrations (attempt {Attempt}): {Reason}",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applied = await _retry.ExecuteAsync(
            async ct => await DatabaseMigrator.MigrateAsync(connectionString, ct), stoppingToken);
        logger.LogInformation("Database schema up to date ({Count} migrations applied now)", applied.Count);
    }
}
