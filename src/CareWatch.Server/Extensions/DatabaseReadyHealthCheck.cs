using CareWatch.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareWatch.Server.Extensions;

/// <summary>Ready only when PostgreSQL answers and every migration this build carries is applied.</summary>
public sealed class DatabaseReadyHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var applied = await DatabaseMigrator.AppliedScriptsAsync(dataSource, ct);
            var pending = DatabaseMigrator.KnownScripts().Except(applied).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("PostgreSQL answers; schema up to date")
                : HealthCheckResult.Unhealthy($"migrations not applied yet: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Drop pooled connections to a server that went away, so the next probe dials afresh.
            NpgsqlConnection.ClearAllPools();
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable: {ex.Message}");
        }
    }
}
