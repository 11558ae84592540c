using CareWatch.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Ready only when PostgreSQL answers within <see cref="Budget"/> and every migration this build carries is
/// applied. The check has a data source of its own: a few connections with short timeouts, so that probes
/// never queue behind the server's own work for a pooled connection, and a probe abandoned on a hung server
/// (see <see cref="DatabaseDeadline"/>) gives its connection back within seconds.
/// </summary>
public sealed class DatabaseReadyHealthCheck(NpgsqlDataSource probe) : IHealthCheck, IAsyncDisposable
{
    /// <summary>How long one probe waits for PostgreSQL; well under the check's registered timeout.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private const int ProbeTimeoutSeconds = 2;

    /// <summary>The probe's data source: the server's connection string with short timeouts and a small pool.</summary>
    public static NpgsqlDataSource CreateProbe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // Seconds (0 would mean no limit). The connect timeout also bounds the cancel request Npgsql sends to a
        // hung server after a command timeout, which dials a connection of its own.
        settings.Timeout = settings.Timeout is > 0 and < ProbeTimeoutSeconds ? settings.Timeout : ProbeTimeoutSeconds;
        settings.CommandTimeout = ProbeTimeoutSeconds;
        settings.MaxPoolSize = 3;
        settings.MinPoolSize = 0;
        return NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var applied = await DatabaseDeadline.RunAsync(
                token => DatabaseMigrator.AppliedScriptsAsync(probe, token), Budget, ct);
            var pending = DatabaseMigrator.KnownScripts().Except(applied).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("PostgreSQL answers; schema up to date")
                : HealthCheckResult.Unhealthy($"migrations not applied yet: {string.Join(", ", pending)}");
        }
        catch (DatabaseTimeoutException ex)
        {
            // Hung, not gone: its pooled connections may still come back, so the pools are left alone.
            return HealthCheckResult.Unhealthy(ex.Message);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Drop pooled connections to a server that went away, so the next probe dials afresh.
            NpgsqlConnection.ClearAllPools();
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => probe.DisposeAsync();
}
