using CareWatch.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring;

/// <summary>
/// Every minute, finds seniors whose watches have all gone silent for longer than
/// <see cref="MonitorOptions.OfflineAlertAfter"/> and tells their monitors. A silent watch sends nothing that
/// could wake its grain, and after a restart no grain is active, so the sweep reads PostgreSQL.
/// </summary>
public sealed class SupervisionSweep(
    SilentWatches silent, IGrainFactory grains, IOptions<MonitorOptions> options, TimeProvider time, ILogger<SupervisionSweep> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Supervision sweep failed; retrying next minute"); }
        }
    }

    /// <summary>One sweep; returns how many seniors were reported offline.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var found = await silent.FindAsync(time.GetUtcNow().UtcDateTime - options.Value.OfflineAlertAfter, ct);
        foreach (var (seniorId, lastSeen) in found)
            await grains.GetGrain<ISeniorMonitorGrain>(seniorId).ReportOfflineAsync(lastSeen);
        return found.Count;
    }
}
