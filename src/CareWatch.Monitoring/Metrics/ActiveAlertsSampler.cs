using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Metrics;

/// <summary>
/// Samples the active alerts into <see cref="MonitoringMetrics"/> every <see cref="MonitorOptions.MetricsSampleEvery"/>.
/// A gauge callback must not query a database (it runs inside the scrape, synchronously), hence the sample.
/// </summary>
public sealed class ActiveAlertsSampler(
    ActiveAlertCensus census, MonitoringMetrics metrics, IOptions<MonitorOptions> options, TimeProvider time,
    ILogger<ActiveAlertsSampler> logger, DatabaseSchema? schema = null) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schema is not null) await schema.Migrated.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.MetricsSampleEvery, time);
        do
        {
            try { await SampleAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The gauge keeps its last sample; PostgreSQL's absence shows on /health/ready.
                logger.LogDebug(ex, "Could not sample the active alerts; retrying at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sample.</summary>
    public async Task SampleAsync(CancellationToken ct) =>
        metrics.OnActiveAlerts(await census.CountForSystemAsync(ct));
}
