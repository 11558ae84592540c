using CareWatch.Storage;
using Polly;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Applies migrations when the server starts. It runs in the background and retries while PostgreSQL
/// is unreachable, so the process stays up (live) and /health/ready says why it is not ready.
/// </summary>
public sealed class DatabaseMigrationService(string connectionString, DatabaseSchema schema,
    ILogger<DatabaseMigrationService> logger) : BackgroundService
{
    private readonly ResiliencePipeline _retry = StartupRetry.Forever(
        logger, LogLevel.Warning, "Database not ready for migrations", TimeSpan.FromMilliseconds(500));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applied = await _retry.ExecuteAsync(
            async ct => await DatabaseMigrator.MigrateAsync(connectionString, ct), stoppingToken);
        logger.LogInformation("Database schema up to date ({Count} migrations applied now)", applied.Count);
        schema.MarkMigrated();
    }
}
