using CareWatch.Detection;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring;

/// <summary>
/// Live state of one senior. PostgreSQL is the truth: on activation (and when a new model is promoted) the
/// grain builds the senior's detector from their stored history and replays the last day, so a node may die
/// at any moment without losing an alert.
/// </summary>
public sealed class SeniorMonitorGrain(
    AlertStore alerts,
    ActivityHistory history,
    SeniorDirectory seniors,
    DetectorBuilder detectors,
    IEnumerable<IAlertNotifier> notifiers,
    IOptions<MonitorOptions> options,
    TimeProvider time,
    ILogger<SeniorMonitorGrain> logger) : Grain, ISeniorMonitorGrain
{
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromDays(1);
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private IInactivityDetector _detector = null!;
    private int? _modelVersion;
    private bool _inactivityOpen;
    private DateTime? _lastMinute;

    private Guid SeniorId => this.GetPrimaryKey();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var senior = await seniors.FindSeniorAsync(SeniorId, ct);
        if (senior is not null && TimeZoneInfo.TryFindSystemTimeZoneById(senior.TimeZone, out var zone)) _zone = zone;
        await RebuildAsync(ct);
    }

    /// <inheritdoc />
    public async Task ObserveMinutesAsync(IReadOnlyList<ObservedMinute> minutes)
    {
        // The minutes are stored before monitors hear of them, so a rebuild replays them too.
        if (await detectors.ModelVersionAsync() != _modelVersion)
        {
            await RebuildAsync(CancellationToken.None);
            return;
        }
        foreach (var m in minutes.OrderBy(m => m.Start))
            await ObserveAsync(ToActivity(m.Start, m.Movement, m.Worn));
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
        Task.FromResult(new MonitorSnapshot(_lastMinute, _detector.StillSince, _inactivityOpen));

    private async Task ObserveAsync(ActivityMinute minute)
    {
        if (_lastMinute is { } last && minute.Utc <= last) return; // replayed or late minute
        _lastMinute = minute.Utc;
        var output = _detector.Observe(minute);
        if (output.Signal == DetectorSignal.Alert && !_inactivityOpen)
            await RaiseInactivityAsync(output.Explanation!);
        // Movement while worn ends the alert; a watch taken off does not, staff judge that.
        else if (_inactivityOpen && minute.Worn && _detector.StillSince is null)
            await ClearInactivityAsync();
    }

    private async Task RebuildAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await history.MinutesSinceAsync(SeniorId, now.AddDays(-options.Value.HistoryDays), ct);
        var minutes = stored.Select(m => ToActivity(m.Start, m.Movement, m.Worn)).ToList();
        (_detector, _modelVersion) = await detectors.BuildAsync(minutes, ct);

        // Replay quietly: past still periods were alerted (or not) when they happened.
        DateTime? alertedPeriod = null;
        string? explanation = null;
        _lastMinute = null;
        foreach (var m in minutes.Where(m => m.Utc >= now - ReplayWindow))
        {
            _lastMinute = m.Utc;
            if (_detector.Observe(m) is { Signal: DetectorSignal.Alert } output)
                (alertedPeriod, explanation) = (_detector.StillSince, output.Explanation);
        }
        _inactivityOpen = await alerts.FindOpenAsync(SeniorId, AlertKinds.Inactivity, ct) is not null;

        // Then act on the present: a still period that is too long now needs its alert, unless this very
        // period was alerted before (staff may have closed it); an open alert whose stillness ended is cleared.
        if (!_inactivityOpen && _detector.StillSince is { } since && since == alertedPeriod
            && !await alerts.ExistsForStillPeriodAsync(SeniorId, AlertKinds.Inactivity, since, ct))
            await RaiseInactivityAsync(explanation!);
        else if (_inactivityOpen && _detector.StillSince is null && minutes.Count > 0 && minutes[^1].Worn)
            await ClearInactivityAsync();
    }

    private ActivityMinute ToActivity(DateTime utc, int movement, bool worn)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new ActivityMinute(utc, TimeZoneInfo.ConvertTimeFromUtc(utc, _zone), movement, worn);
    }

    private async Task RaiseInactivityAsync(string explanation)
    {
        var raised = await alerts.RaiseAsync(SeniorId, AlertKinds.Inactivity, _detector.StillSince,
            time.GetUtcNow().UtcDateTime, explanation);
        _inactivityOpen = true;
        logger.LogInformation("Inactivity alert {AlertId} for senior {SeniorId}", raised.Id, SeniorId);
        await NotifyAsync(raised);
    }

    private async Task ClearInactivityAsync()
    {
        _inactivityOpen = false;
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
