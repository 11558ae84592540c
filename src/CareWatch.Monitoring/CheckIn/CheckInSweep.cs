using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.CheckIn;

/// <summary>
/// Acts on check-ins whose window passed without an OK (<c>checking</c>, <c>prompt_deadline &lt;= now</c>): asks
/// once more when the bureau wants a second prompt, else opens the alert for staff. Runs on the injected
/// <see cref="TimeProvider"/> every <see cref="MonitorOptions.CheckInSweepEvery"/>. Safe on several nodes: each
/// change is version-guarded, so of two sweeps that read the same row one changes it and the other skips it; the
/// second prompt is claimed (recorded) before the watch is asked, so it is asked once.
/// </summary>
public sealed class CheckInSweep(
    AlertStore store, AlertTransitions transitions, IWatchPrompt prompt, IGrainFactory grains,
    IOptions<MonitorOptions> options, TimeProvider time,
    ILogger<CheckInSweep> logger) : BackgroundService
{
    private const int Batch = 100;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInSweepEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Check-in sweep failed; retrying at the next tick");
            }
        }
    }

    /// <summary>One sweep; returns how many check-ins it changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var changed = 0;
        foreach (var (alert, settings) in await store.DueCheckInsForSystemAsync(time.GetUtcNow().UtcDateTime, Batch, ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (CheckInDecision.AtDeadline(alert, settings.SecondPrompt) == DeadlineAction.SecondPrompt)
            {
                var number = alert.PromptCount + 1;
                var claimed = await ApplyAsync(alert, MonitorChanges.Prompted(MonitorChanges.Sweep, number, now + settings.Window), ct);
                if (claimed is null) continue;
                changed++;
                var outcome = await AskAsync(claimed, number, settings.Window, ct);
                if (outcome == PromptOutcome.Shown) continue;
                if (await ApplyAsync(claimed, MonitorChanges.WatchUnreachable(MonitorChanges.Sweep, now), ct) is { } unreachable)
                    await ApplyAsync(unreachable, Open(unreachable, AlertEvents.WatchUnreachable), ct);
                continue;
            }
            if (await ApplyAsync(alert, Open(alert, "no-answer"), ct) is not null) changed++;
        }
        return changed;
    }

    private AlertChange Open(AlertRecord alert, string why) =>
        MonitorChanges.Opened(MonitorChanges.Sweep, alert.Kind, time.GetUtcNow().UtcDateTime, options.Value, why);

    private async Task<PromptOutcome> AskAsync(AlertRecord alert, int number, TimeSpan window, CancellationToken ct)
    {
        try { return await prompt.AskAsync(alert.SeniorId, alert.Id, number, window, options.Value.PromptTimeout, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not prompt the watch for alert {AlertId} ({Error})", alert.Id, ex.Message);
            return PromptOutcome.Unreachable;
        }
    }

    // Applies at the version read; another node or the senior's OK got there first when it is not applied.
    private async Task<AlertRecord?> ApplyAsync(AlertRecord alert, AlertChange change, CancellationToken ct)
    {
        var result = await transitions.ApplyAsync(alert.Id, alert.Version, change, time.GetUtcNow().UtcDateTime, ct);
        if (result is not { Applied: true, Alert: { } now })
        {
            logger.LogDebug("Check-in of alert {AlertId} changed meanwhile ({Status})", alert.Id, result.Status);
            return null;
        }
        logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId}: {Event}, now {State}",
            now.Id, now.Kind, now.SeniorId, change.Event, now.Status);
        await grains.GetGrain<ISeniorMonitorGrain>(now.SeniorId).AlertChangedAsync(now.Id);
        return now;
    }
}
