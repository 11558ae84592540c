using CareWatch.TestSupport;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>
/// A gateway on a PostgreSQL cluster of its own, which a test may stop or freeze, with Npgsql's default timeouts
/// (15 s to connect, 30 s per command) as a production connection string has them, and its logs captured.
/// </summary>
public sealed class OutageGatewayHost : GatewayHost
{
    private PrivateCluster? _cluster;

    public PrivateCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public CapturedLogs Logs { get; } = new();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        _cluster = await PrivateCluster.StartAsync();
        var defaults = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString)
        {
            Timeout = 15,
            CommandTimeout = 30,
        };
        return await TestDatabase.CreateAsync(adminConnectionString: defaults.ConnectionString);
    }

    protected override void ConfigureLogging(ILoggingBuilder logging) => logging.AddProvider(Logs);

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // The test left its cluster down; its database goes with the cluster's folder.
        }
        finally
        {
            if (_cluster is not null) await _cluster.DisposeAsync();
        }
    }
}
