using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring;

/// <summary>
/// Live state of one senior. PostgreSQL is the truth: on activation the grain rebuilds its still period
/// from the last day of stored minutes and its open alerts, so a node may die at any moment.
/// </summary>
public sealed class SeniorMonitorGrain(
    AlertStore alerts,
    ActivityHistory history,
    SeniorDirectory seniors,
    IEnumerable<IAlertNotifier> notifiers,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<SeniorMonitorGrain> logger) : Grain, ISeniorMonitorGrain
{
    private static readonly TimeSpan RebuildWindow = TimeSpan.FromDays(1);
    private readonly StillnessTracker _tracker = new(options.Value);
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    private Guid SeniorId => this.GetPrimaryKey();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var senior = await seniors.FindSeniorAsync(SeniorId, ct);
        if (senior is not null && TimeZoneInfo.TryFindSystemTimeZoneById(senior.TimeZone, out var zone)) _zone = zone;

        // Replay quietly: past still periods were alerted (or not) when they happened. The minutes that
        // woke this grain are usually stored already, so they are part of the replay too.
        var since = time.GetUtcNow().UtcDateTime - RebuildWindow;
        foreach (var m in await history.MinutesSinceAsync(SeniorId, since, ct))
            _tracker.Observe(m.Start, m.Movement, m.Worn);
        var open = await alerts.FindOpenAsync(SeniorId, AlertKinds.Inactivity, ct);
        _tracker.IsAlerting = open is not null;

        // Then act on the present: a still period that is too long now needs its alert, unless this very
        // period was alerted before (staff may have closed it); an open alert whose stillness ended is cleared.
        if (open is null && _tracker.StillSince is { } stillSince && _tracker.StillFor >= options.Value.StillAlertAfter
            && !await alerts.ExistsForStillPeriodAsync(SeniorId, AlertKinds.Inactivity, stillSince, ct))
        {
            _tracker.IsAlerting = true;
            await RaiseInactivityAsync();
        }
        else if (open is not null && _tracker.StillSince is null && _tracker.LastMinute > open.RaisedAt)
        {
            _tracker.IsAlerting = false;
            await ClearInactivityAsync();
        }
    }

    /// <inheritdoc />
    public async Task ObserveMinutesAsync(IReadOnlyList<ObservedMinute> minutes)
    {
        foreach (var m in minutes.OrderBy(m => m.Start))
        {
            switch (_tracker.Observe(m.Start, m.Movement, m.Worn))
            {
                case StillnessChange.ThresholdReached:
                    await RaiseInactivityAsync();
                    break;
                case StillnessChange.MovementResumed:
                    await ClearInactivityAsync();
                    break;
            }
        }
    }

    /// <inheritdoc />
    public async Task ObserveEventsAsync(IReadOnlyList<ObservedEvent> events)
    {
        foreach (var e in events)
        {
            var kind = e.Kind switch
            {
                DeviceEventKind.Sos => AlertKinds.Sos,
                DeviceEventKind.Fall => AlertKinds.Fall,
                _ => null, // "I am OK" feeds the check-in flow of a later step
            };
            if (kind is null) continue;
            var alert = await alerts.RaiseAsync(SeniorId, kind, null, time.GetUtcNow().UtcDateTime,
                AlertExplanation.ButtonOrFall(kind, e.At, _zone));
            await NotifyAsync(alert);
        }
    }

    /// <inheritdoc />
    public Task<MonitorSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new MonitorSnapshot(_tracker.LastMinute, _tracker.StillSince, _tracker.IsAlerting));

    private async Task RaiseInactivityAsync()
    {
        var explanation = AlertExplanation.Inactivity(_tracker.StillFor, _tracker.StillSince!.Value, _zone, options.Value);
        var raised = await alerts.RaiseAsync(SeniorId, AlertKinds.Inactivity, _tracker.StillSince,
            time.GetUtcNow().UtcDateTime, explanation);
        logger.LogInformation("Inactivity alert {AlertId} for senior {SeniorId}", raised.Id, SeniorId);
        await NotifyAsync(raised);
    }

    private async Task ClearInactivityAsync()
    {
        var cleared = await alerts.ClearAsync(SeniorId, AlertKinds.Inactivity, time.GetUtcNow().UtcDateTime);
        if (cleared is not null) await NotifyAsync(cleared);
    }

    // A failed push is not lost: the board reloads open alerts from PostgreSQL whenever it (re)connects.
    private async Task NotifyAsync(AlertRecord alert)
    {
        foreach (var notifier in notifiers)
        {
            try { await notifier.AlertChangedAsync(alert, CancellationToken.None); }
            catch (Exception ex) { logger.LogWarning(ex, "Notifier {Notifier} failed for alert {AlertId}", notifier.GetType().Name, alert.Id); }
        }
    }
}
