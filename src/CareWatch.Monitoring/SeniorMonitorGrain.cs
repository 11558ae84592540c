using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Metrics;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Bureaus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace CareWatch.Monitoring;

/// <summary>
/// The Orleans shell around one senior's <see cref="SeniorMonitor"/>: loads their stored history and open alerts on
/// activation (and when a new model is put in service), forwards what arrives, and retries on a timer any decision
/// that could not be stored yet. PostgreSQL is the truth, so a node may die at any moment without losing an alert.
/// </summary>
public sealed class SeniorMonitorGrain(
    AlertStore alerts,
    AlertTransitions transitions,
    CheckInSettingsStore checkInSettings,
    IWatchPrompt prompt,
    ActivityHistory history,
    SeniorDirectory seniors,
    DetectorBuilder detectors,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<MonitorOptions> options,
    MonitoringMetrics metrics,
    TimeProvider time,
    ILogger<SeniorMonitorGrain> logger) : Grain, ISeniorMonitorGrain
{
    private SeniorMonitor _monitor = null!;
    private IGrainTimer? _retry;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private bool _counted; // in the active-grains gauge

    private Guid SeniorId => this.GetPrimaryKey();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var senior = await seniors.FindSeniorForSystemAsync(SeniorId, ct);
        if (senior is not null && TimeZoneInfo.TryFindSystemTimeZoneById(senior.TimeZone, out var zone)) _zone = zone;
        var port = new SeniorAlerts(SeniorId, alerts, transitions, checkInSettings,
            pipelines.GetPipeline(SeniorAlerts.RetryPipeline), options.Value, time, logger);
        _monitor = new SeniorMonitor(port, prompt, SeniorId, options.Value, _zone, time, logger);
        await StartAsync(ct);
        metrics.OnGrain(+1); // only once activated: a failed activation never counts
        _counted = true;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        if (_counted) metrics.OnGrain(-1);
        _counted = false;
        return base.OnDeactivateAsync(reason, ct);
    }

    /// <inheritdoc />
    public async Task ObserveMinutesAsync(IReadOnlyList<StoredMinute> minutes, bool charging, BatteryReading? battery)
    {
        // The minutes are stored before monitors hear of them, so a restart from storage includes them.
        if (await detectors.ModelVersionAsync() != _monitor.ModelVersion) await StartAsync(CancellationToken.None);
        if (minutes.Count > 0) await _monitor.ObserveMinutesAsync(minutes, charging, CancellationToken.None);
        if (battery is not null) await _monitor.ObserveBatteryAsync(battery, CancellationToken.None);
        KeepRetrying();
    }

    /// <inheritdoc />
    public async Task ReportOfflineAsync(DateTime lastSeenUtc)
    {
        await _monitor.ReportOfflineAsync(lastSeenUtc, CancellationToken.None);
        KeepRetrying();
    }

    /// <inheritdoc />
    public async Task ObserveEventsAsync(IReadOnlyList<ObservedEvent> events)
    {
        await _monitor.ObserveEventsAsync(events.Select(e => new DeviceEvent(e.At, e.Kind)).ToList(), CancellationToken.None);
        KeepRetrying();
    }

    /// <inheritdoc />
    public async Task AlertChangedAsync(long alertId)
    {
        // One query of the senior's active alerts; the minutes and the detector stay as they are.
        await _monitor.RefreshAlertsAsync(CancellationToken.None);
        KeepRetrying();
    }

    /// <inheritdoc />
    public Task<MonitorSnapshot> GetSnapshotAsync() => Task.FromResult(_monitor.Snapshot);

    /// <inheritdoc />
    public Task<StillnessNow> GetStillnessAsync() => Task.FromResult(_monitor.Stillness());

    /// <inheritdoc />
    public Task ForgetAsync()
    {
        _retry?.Dispose();
        _retry = null;
        // No retry may store a decision after this; the activation, and the minutes it holds, go once idle.
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task StartAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await history.MinutesSinceAsync(SeniorId, now.AddDays(-options.Value.HistoryDays), ct);
        // Personalise on history before the replayed day: a still period in progress (perhaps the emergency itself)
        // must not become part of what is "normal" for her and stretch the model's limit after a restart.
        var replayFrom = now - SeniorMonitor.ReplayWindow;
        var personal = stored.Where(m => m.Start < replayFrom).Select(m => SeniorHistories.ToActivity(m, _zone)).ToList();
        var source = await detectors.BuildAsync(personal, ct);
        await _monitor.StartAsync(source, stored.Where(m => m.Start >= replayFrom).ToList(), ct);
        KeepRetrying();
    }

    // While a decision waits to be stored the grain stays active and tries again; the timer goes when nothing waits.
    private void KeepRetrying()
    {
        if (!_monitor.HasPendingWork)
        {
            _retry?.Dispose();
            _retry = null;
            return;
        }
        _retry ??= this.RegisterGrainTimer(async ct =>
        {
            await _monitor.RetryAsync(ct);
            KeepRetrying();
        }, new GrainTimerCreationOptions(options.Value.AlertRetryEvery, options.Value.AlertRetryEvery) { KeepAlive = true });
    }
}
