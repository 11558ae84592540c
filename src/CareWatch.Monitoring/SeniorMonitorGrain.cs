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

    // Minutes older than this are a watch replaying its buffer: an alert waits until the replay reaches the
    // present, so staff are called for stillness that is still going on, not for last Tuesday's nap.
    private static readonly TimeSpan Present = TimeSpan.FromMinutes(30);
    private readonly DeviceHealthTracker _health = new(options.Value);
    private SeniorAlerts _alerts = null!;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private IInactivityDetector _detector = null!;
    private int? _modelVersion;
    private DateTime? _lastMinute;
    private (DateTime StillSince, string Explanation)? _due; // the detector's alert, waiting for the present

    private Guid SeniorId => this.GetPrimaryKey();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _alerts = new SeniorAlerts(SeniorId, alerts, notifiers, time, logger);
        var senior = await seniors.FindSeniorAsync(SeniorId, ct);
        if (senior is not null && TimeZoneInfo.TryFindSystemTimeZoneById(senior.TimeZone, out var zone)) _zone = zone;
        await RebuildAsync(ct);
    }

    /// <inheritdoc />
    public async Task ObserveMinutesAsync(IReadOnlyList<ObservedMinute> minutes, bool charging)
    {
        if (_alerts.IsOpen(AlertKinds.Offline)) await _alerts.ClearAsync(AlertKinds.Offline);
        // The minutes are stored before monitors hear of them, so a rebuild replays them too.
        if (await detectors.ModelVersionAsync() != _modelVersion)
        {
            await RebuildAsync(CancellationToken.None);
            return;
        }
        // An alert is raised only if its still period is still going at the end of the batch and the batch
        // reaches the present: when a watch replays hours of buffered minutes, a still period that has
        // already ended needs nobody now, and one still going is raised when the replay catches up.
        foreach (var m in minutes.OrderBy(m => m.Start))
        {
            var minute = SeniorHistories.ToActivity(m.Start, m.Movement, m.Worn, _zone);
            if (await ObserveAsync(minute, charging) is { } alert) _due = alert;
            if (_due is { } d && _detector.StillSince != d.StillSince) _due = null;
        }
        await RaiseIfDueAsync();
    }

    /// <inheritdoc />
    public async Task ReportOfflineAsync(DateTime lastSeenUtc)
    {
        if (_alerts.IsOpen(AlertKinds.Offline)) return;
        await _alerts.RaiseAsync(AlertKinds.Offline, null,
            AlertExplanation.Offline(DateTime.SpecifyKind(lastSeenUtc, DateTimeKind.Utc), time.GetUtcNow().UtcDateTime, _zone));
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
            if (kind is not null) await _alerts.RaiseAsync(kind, null, AlertExplanation.ButtonOrFall(kind, e.At, _zone));
        }
    }

    /// <inheritdoc />
    public Task<MonitorSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new MonitorSnapshot(_lastMinute, _detector.StillSince, _alerts.IsOpen(AlertKinds.Inactivity)));

    // Returns the detector's alert for this minute, if any; the caller decides whether it is still due.
    private async Task<(DateTime StillSince, string Explanation)?> ObserveAsync(ActivityMinute minute, bool charging)
    {
        if (_lastMinute is { } last && minute.Utc <= last) return null; // replayed or late minute
        _lastMinute = minute.Utc;
        var output = _detector.Observe(minute);
        // Movement while worn ends the alert; a watch taken off does not, staff judge that.
        if (_alerts.IsOpen(AlertKinds.Inactivity) && minute.Worn && _detector.StillSince is null)
            await _alerts.ClearAsync(AlertKinds.Inactivity);
        await ObserveDeviceHealthAsync(minute, charging);
        return output.Signal == DetectorSignal.Alert && _detector.StillSince is { } since ? (since, output.Explanation!) : null;
    }

    private Task ObserveDeviceHealthAsync(ActivityMinute minute, bool charging) =>
        SyncDeviceHealthAsync(_health.Observe(minute.Utc, minute.Local, minute.Worn, charging), minute);

    private async Task SyncDeviceHealthAsync(DeviceHealthProblem problem, ActivityMinute minute)
    {
        if (problem == DeviceHealthProblem.NotWorn && !_alerts.IsOpen(AlertKinds.NotWorn))
            await _alerts.RaiseAsync(AlertKinds.NotWorn, null, AlertExplanation.NotWorn(_health.NotWornSince!.Value, minute.Utc.AddMinutes(1), _zone));
        if (problem == DeviceHealthProblem.LeftCharging && !_alerts.IsOpen(AlertKinds.LeftCharging))
            await _alerts.RaiseAsync(AlertKinds.LeftCharging, null, AlertExplanation.LeftCharging(_health.ChargingSince!.Value, minute.Utc.AddMinutes(1), _zone));
        // A device-health alert ends when its state ends, not when the day band does.
        if (_health.NotWornSince is null && _alerts.IsOpen(AlertKinds.NotWorn)) await _alerts.ClearAsync(AlertKinds.NotWorn);
        if (_health.ChargingSince is null && _alerts.IsOpen(AlertKinds.LeftCharging)) await _alerts.ClearAsync(AlertKinds.LeftCharging);
    }

    private async Task RebuildAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await history.MinutesSinceAsync(SeniorId, now.AddDays(-options.Value.HistoryDays), ct);
        var minutes = stored.Select(m => SeniorHistories.ToActivity(m, _zone)).ToList();
        (_detector, _modelVersion) = await detectors.BuildAsync(minutes, ct);

        // Replay quietly: past still periods were alerted (or not) when they happened.
        DateTime? alertedPeriod = null;
        string? explanation = null;
        var healthProblem = DeviceHealthProblem.None;
        _lastMinute = null;
        foreach (var m in minutes.Where(m => m.Utc >= now - ReplayWindow))
        {
            _lastMinute = m.Utc;
            healthProblem = _health.Observe(m.Utc, m.Local, m.Worn, charging: false); // charging is not stored per minute
            if (_detector.Observe(m) is { Signal: DetectorSignal.Alert } output)
                (alertedPeriod, explanation) = (_detector.StillSince, output.Explanation);
        }
        await _alerts.LoadAsync(ct);

        // Then act on the present: a still period that is too long now needs its alert, unless this very
        // period was alerted before (staff may have closed it); an open alert whose stillness ended is cleared.
        _due = _detector.StillSince is { } since && since == alertedPeriod && !await _alerts.RaisedForStillPeriodAsync(since, ct)
            ? (since, explanation!) : null;
        await RaiseIfDueAsync();
        if (_alerts.IsOpen(AlertKinds.Inactivity) && _detector.StillSince is null && minutes.Count > 0 && minutes[^1].Worn)
            await _alerts.ClearAsync(AlertKinds.Inactivity);
        if (minutes.Count > 0) await SyncDeviceHealthAsync(healthProblem, minutes[^1]);
    }

    private bool IsPresent(DateTime? minute) => minute is { } m && m >= time.GetUtcNow().UtcDateTime - Present;

    private async Task RaiseIfDueAsync()
    {
        if (_due is not { } due || _alerts.IsOpen(AlertKinds.Inactivity) || !IsPresent(_lastMinute)) return;
        _due = null;
        await _alerts.RaiseAsync(AlertKinds.Inactivity, due.StillSince, due.Explanation);
    }
}
