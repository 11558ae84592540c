using CareWatch.Detection;
using CareWatch.Detection.CheckIn;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.Logging;

namespace CareWatch.Monitoring;

/// <summary>
/// The decisions of one senior's monitor, with no Orleans and no I/O of its own: minutes in (one stream, however
/// many watches), alerts out through <see cref="IMonitorAlerts"/>. <see cref="SeniorMonitorGrain"/> is its shell.
/// <list type="bullet">
/// <item>An inactivity or device-health alert is raised only while its condition is still going and the data reaches
/// the present (a replayed buffer does not call staff for last Tuesday's nap); a decision is kept until it is stored.</item>
/// <item>A condition ends only by a minute newer than anything the monitor knew when it was raised (for an alert
/// found active after a restart: newer than its raise time), never by a replay of older data. An alarm's end is an
/// event staff see (once: also after a restart); device health resolves itself.</item>
/// <item>An inactivity alert first asks the senior on the watch ("Are you OK?"); an unreachable watch calls staff at
/// once; the senior's OK cancels it within the window, or is recorded for staff after it.</item>
/// <item>An OK press is movement for the detector (<see cref="OkPresses"/>): the still period ends at it, also when
/// the window is judged again or after a restart, so an answered check-in is not raised a second time.</item>
/// <item>Late minutes from a second watch that change a minute already judged make it judge its window again.</item>
/// </list>
/// </summary>
public sealed class SeniorMonitor(
    IMonitorAlerts alerts, IWatchPrompt prompt, Guid seniorId, MonitorOptions options, TimeZoneInfo zone, TimeProvider time,
    ILogger logger)
{
    /// <summary>How much recent history the monitor replays and keeps (older minutes only personalise the model).</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromDays(1);

    // Minutes older than this are a watch replaying its buffer: an alert waits until the replay reaches the present.
    private static readonly TimeSpan Present = TimeSpan.FromMinutes(30);

    private readonly MinuteWindow _window = new(ReplayWindow);
    private readonly Dictionary<string, DateTime> _open = []; // kind -> newest data known when it was raised
    private readonly Dictionary<string, DateTime> _ended = []; // kind -> the newer minute that ended its condition
    private readonly Dictionary<string, DateTime> _startedAt = []; // kind -> start of the situation it is about
    private readonly HashSet<string> _activeEnded = []; // active alerts whose condition already ended (recorded once)
    private readonly Dictionary<string, DateTime> _closedByPeople = []; // kind -> start of the run staff closed
    private readonly List<AlertRequest> _pending = []; // event alerts whose write failed: retried
    private readonly List<DateTime> _oks = []; // OK presses not yet stored: retried
    private readonly OkPresses _okPresses = new(ReplayWindow); // movement for the detector
    private readonly HashSet<long> _unreachable = []; // check-ins to open for staff (the write failed): retried
    private DetectorSource _source = null!;
    private IInactivityDetector _detector = null!;
    private DeviceHealthTracker _health = new(options);
    private readonly BatteryTracker _battery = new();
    private (int Percent, DateTime ReadAt)? _lowBatteryPercent; // the bureau's level, read again now and then
    private DeviceHealthProblem _problem;
    private DateTime? _lastMinute;
    private (DateTime StillSince, string Explanation)? _due; // the detector's alert, waiting for the present

    /// <summary>The learned model version in use (null: the fixed rule).</summary>
    public int? ModelVersion => _source.ModelVersion;

    /// <summary>Whether a decision is waiting to be stored (the shell retries it on a timer).</summary>
    public bool HasPendingWork => _pending.Count > 0 || _oks.Count > 0 || _unreachable.Count > 0 || DueNow || HealthDueNow;

    /// <summary>The monitor's view, for the board and tests.</summary>
    public MonitorSnapshot Snapshot => new(_lastMinute, _detector.StillSince, _open.ContainsKey(AlertKinds.Inactivity));

    /// <summary>
    /// The senior's stillness against what is normal for them now (the senior page): the band for a still period
    /// starting at the present local time, and the current period with the limit the detector set for it.
    /// </summary>
    public StillnessNow Stillness()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone);
        var band = new Detection.DayBand(options.DayStartHour, options.DayEndHour);
        var norm = _source.Norm?.Invoke(local) ?? StillnessNorm.Fixed(local, options, band);
        var facts = _detector.StillSince is null ? null : _detector.Facts;
        return new StillnessNow(norm, _detector.StillSince, _lastMinute,
            facts is null ? null : StillnessNorm.RuleWord(facts.Trigger),
            facts is null ? null : (int)Math.Round(facts.Limit.TotalMinutes), ModelVersion);
    }

    /// <summary>
    /// (Re)starts from stored state: the senior's open alerts, a detector source and their recent minutes, replayed
    /// quietly; then acts on the present. Used on activation and when a new model is put in service.
    /// </summary>
    public async Task StartAsync(DetectorSource source, IReadOnlyList<StoredMinute> recent, CancellationToken ct)
    {
        _source = source;
        _open.Clear();
        _activeEnded.Clear();
        var active = await alerts.LoadActiveAsync(ct);
        foreach (var alert in active) Track(alert);
        _pending.RemoveAll(p => p.Kind is AlertKinds.Sos or AlertKinds.Fall); // storage says which are still owed
        foreach (var owed in await alerts.UnalertedEventsAsync(time.GetUtcNow().UtcDateTime - ReplayWindow, ct))
            _pending.Add(EventAlert(owed.Kind, owed.At) with { Trace = owed.Trace });
        _window.Clear();
        _window.Add(recent, charging: false); // charging is not stored per minute
        _okPresses.Load(await alerts.OkPressesAsync(time.GetUtcNow().UtcDateTime - ReplayWindow, ct));
        await ReplayAsync(ct);
        if (active.FirstOrDefault(a => a.Kind == AlertKinds.Inactivity) is { } inactivity)
            await NameTheDetectorInServiceAsync(inactivity, ct);
    }

    /// <summary>
    /// Someone else changed one of the senior's alerts (staff closed it, a sweep opened it): reads the active alerts
    /// again, one query, without replaying minutes. A device-health alert people closed is not raised again for the
    /// same run (the watch still off the wrist): they decided about it.
    /// </summary>
    public async Task RefreshAlertsAsync(CancellationToken ct)
    {
        var active = (await alerts.LoadActiveAsync(ct)).ToDictionary(a => a.Kind);
        foreach (var kind in _open.Keys.ToList().Where(k => !active.ContainsKey(k)))
        {
            if (_startedAt.TryGetValue(kind, out var started)) _closedByPeople[kind] = started;
            _open.Remove(kind);
            _ended.Remove(kind);
        }
        _activeEnded.RemoveWhere(k => !active.ContainsKey(k));
        foreach (var alert in active.Values.Where(a => !_open.ContainsKey(a.Kind) && !_activeEnded.Contains(a.Kind)))
            Track(alert);
    }

    private void Track(ActiveAlert alert)
    {
        _startedAt[alert.Kind] = alert.StartedAt;
        if (alert.EndedAt is null) _open[alert.Kind] = alert.RaisedAt;
        else _activeEnded.Add(alert.Kind); // its end is recorded: never a second condition-ended
    }

    // An open inactivity alert names the detector that watches her now: after a model is promoted mid-episode the
    // card must not keep saying "the fixed rule alerts after 2 h".
    private async Task NameTheDetectorInServiceAsync(ActiveAlert alert, CancellationToken ct)
    {
        if (!_open.ContainsKey(AlertKinds.Inactivity) || _detector.Facts is not { } now) return;
        var facts = AlertFacts.From(now, ModelVersion);
        if (facts == alert.Facts) return;
        try { await alerts.UpdateFactsAsync(AlertKinds.Inactivity, facts, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not update an inactivity alert's detector yet ({Error})", ex.Message);
        }
    }

    /// <summary>New stored minutes from one of the senior's watches, and whether that watch is charging.</summary>
    public async Task ObserveMinutesAsync(IReadOnlyList<StoredMinute> minutes, bool charging, CancellationToken ct)
    {
        await ClearOfflineAsync(ct);
        var changedFrom = _window.Add(minutes, charging);
        if (changedFrom is null) return;
        if (_lastMinute is { } last && changedFrom <= last)
        {
            logger.LogDebug("Late minutes change minutes already judged (a second watch); judging the window again");
            await ReplayAsync(ct);
            return;
        }
        foreach (var (minute, minuteCharging) in _window.After(_lastMinute).ToList())
        {
            if (Step(minute, minuteCharging, live: true) is { } alert) _due = alert;
            if (_due is { } d && _detector.StillSince != d.StillSince) _due = null;
        }
        RecordScoring();
        await SettleAsync(ct);
    }

    /// <summary>Button presses and falls: alerts of their own, from the event's time.</summary>
    public async Task ObserveEventsAsync(IReadOnlyList<DeviceEvent> events, CancellationToken ct)
    {
        await ClearOfflineAsync(ct);
        foreach (var e in events)
        {
            var at = DateTime.SpecifyKind(e.At, DateTimeKind.Utc);
            var kind = e.Kind switch
            {
                DeviceEventKind.Sos => AlertKinds.Sos,
                DeviceEventKind.Fall => AlertKinds.Fall,
                _ => null,
            };
            if (kind is not null) _pending.Add(EventAlert(kind, at));
            else if (e.Kind == DeviceEventKind.Ok)
            {
                _oks.Add(at); // the check-in's answer
                _okPresses.Add(at, _lastMinute);
            }
        }
        await FlushPendingAsync(ct);
        await FlushOksAsync(ct);
    }

    // An OK is decided on the stored alert (a sweep may have opened it meanwhile), then the monitor reads it again.
    private async Task FlushOksAsync(CancellationToken ct)
    {
        if (_oks.Count == 0) return;
        try
        {
            foreach (var at in _oks.ToList())
            {
                await alerts.SeniorOkAsync(at, ct);
                _oks.Remove(at);
            }
            await RefreshAlertsAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not store the senior's OK yet ({Error}); retried", ex.Message);
        }
    }

    private AlertRequest EventAlert(string kind, DateTime at) =>
        new(kind, null, at, AlertExplanation.ButtonOrFall(kind, at, zone), $"{kind} event from the watch");

    /// <summary>How long the bureau's low-battery level is used before it is read again (a supervisor may change it).</summary>
    public static readonly TimeSpan LowBatteryLevelKept = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A watch's battery from its latest batch: a low-battery alert by day while a watch is below the bureau's level
    /// (<see cref="BatteryTracker"/>), resolved by itself once it charges. A replayed buffer's battery is history,
    /// not the present: ignored. A run that people closed is not raised again until the watch has been charged.
    /// </summary>
    public async Task ObserveBatteryAsync(BatteryReading reading, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (reading.AtUtc < now - Present) return;
        int percent;
        try { percent = await LowBatteryPercentAsync(now, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not read the low-battery level yet ({Error}); judged with the next batch", ex.Message);
            return;
        }
        var lowSince = _battery.Observe(reading, percent);
        if (lowSince is null)
        {
            if (_open.ContainsKey(AlertKinds.LowBattery)) await TryClearAsync(AlertKinds.LowBattery, reading.AtUtc, ct);
            _closedByPeople.Remove(AlertKinds.LowBattery);
            return;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(reading.AtUtc, zone);
        if (local.Hour < options.DayStartHour || local.Hour >= options.DayEndHour) return; // by day only
        if (_open.ContainsKey(AlertKinds.LowBattery) || ClosedByPeople(AlertKinds.LowBattery, lowSince.Value)) return;
        await TryRaiseAsync(new AlertRequest(AlertKinds.LowBattery, null, lowSince.Value,
            AlertExplanation.LowBattery(reading.Level, lowSince.Value, zone), $"battery below {percent} % by day"), ct);
    }

    private async Task<int> LowBatteryPercentAsync(DateTime now, CancellationToken ct)
    {
        if (_lowBatteryPercent is { } kept && now - kept.ReadAt < LowBatteryLevelKept) return kept.Percent;
        var percent = await alerts.LowBatteryPercentAsync(ct);
        _lowBatteryPercent = (percent, now);
        return percent;
    }

    /// <summary>The supervision sweep found every watch of the senior silent since <paramref name="lastSeenUtc"/>.</summary>
    public async Task ReportOfflineAsync(DateTime lastSeenUtc, CancellationToken ct)
    {
        if (_open.ContainsKey(AlertKinds.Offline) || _pending.Any(p => p.Kind == AlertKinds.Offline)) return;
        var since = DateTime.SpecifyKind(lastSeenUtc, DateTimeKind.Utc);
        if (ClosedByPeople(AlertKinds.Offline, since)) return;
        _pending.Add(new AlertRequest(AlertKinds.Offline, null, since,
            AlertExplanation.Offline(since, time.GetUtcNow().UtcDateTime, zone), "no data from any watch"));
        await FlushPendingAsync(ct);
    }

    /// <summary>Tries again whatever could not be stored before (called by the shell's timer).</summary>
    public Task RetryAsync(CancellationToken ct) => SettleAsync(ct);

    // Judges every minute of the window from a fresh detector; raises and clears only what the present calls for.
    private async Task ReplayAsync(CancellationToken ct)
    {
        _detector = _source.Create();
        _health = new DeviceHealthTracker(options);
        _problem = DeviceHealthProblem.None;
        _lastMinute = null;
        _ended.Clear();
        _okPresses.Rewind(_window.All.Select(m => m.Minute.Start).FirstOrDefault());
        (DateTime StillSince, string Explanation)? alerted = null;
        foreach (var (minute, charging) in _window.All.ToList())
            if (Step(minute, charging, live: false) is { } alert) alerted = alert;
        RecordScoring();
        // A still period too long now needs its alert, unless this very period was alerted before (staff may
        // have closed it).
        _due = alerted is { } a && _detector.StillSince == a.StillSince && !_open.ContainsKey(AlertKinds.Inactivity)
               && !await alerts.RaisedForStillPeriodAsync(a.StillSince, ct) ? a : null;
        await SettleAsync(ct);
    }

    // One minute through the detector and the device-health tracker; returns the detector's alert, if any. A minute
    // with an OK press moves for the detector (the value the evaluation gives it); device health sees it as stored.
    private (DateTime StillSince, string Explanation)? Step(StoredMinute minute, bool charging, bool live)
    {
        _lastMinute = minute.Start;
        var activity = SeniorHistories.ToActivity(minute, zone);
        var answered = _okPresses.Answers(minute.Start);
        var output = _detector.Observe(answered ? CheckInRuns.Answered(activity) : activity);
        _problem = _health.Observe(activity.Utc, activity.Local, activity.Worn, charging);
        NoteEndedConditions(minute, charging, live, answered);
        return output.Signal == DetectorSignal.Alert && _detector.StillSince is { } since ? (since, output.Explanation!) : null;
    }

    // The detector is per minute; where a batch of minutes ends is known only here. A timed detector (DetectorBuilder
    // with metrics) records its scoring time once per batch, not per minute: a restart's replay is one record.
    private void RecordScoring() => (_detector as Metrics.TimedDetector)?.RecordBatch();

    private void NoteEndedConditions(StoredMinute minute, bool charging, bool live, bool answered)
    {
        foreach (var (kind, knownUntil) in _open)
        {
            if (minute.Start <= knownUntil || _ended.ContainsKey(kind)) continue;
            var ended = kind switch
            {
                // Movement while worn (or an OK press) ends stillness; a watch taken off does not, staff judge that.
                AlertKinds.Inactivity => (minute.Worn || answered) && _detector.StillSince is null,
                AlertKinds.NotWorn => minute.Worn,
                AlertKinds.LeftCharging => minute.Worn || (live && !charging),
                _ => false,
            };
            if (ended) _ended[kind] = minute.Start;
        }
    }

    private bool IsPresent => _lastMinute is { } m && m >= time.GetUtcNow().UtcDateTime - Present;

    private bool DueNow => _due is not null && IsPresent && !_open.ContainsKey(AlertKinds.Inactivity);

    private bool HealthDueNow => IsPresent && HealthAlert() is { } a && !_open.ContainsKey(a.Kind)
                                 && !ClosedByPeople(a.Kind, a.StartedAt);

    private bool ClosedByPeople(string kind, DateTime startedAt) =>
        _closedByPeople.TryGetValue(kind, out var closed) && closed == startedAt;

    // After a batch (or a replay): clear what ended, raise what the present calls for, retry what failed.
    private async Task SettleAsync(CancellationToken ct)
    {
        foreach (var (kind, endedAt) in _ended.ToList()) await TryClearAsync(kind, endedAt, ct);
        foreach (var id in _unreachable.ToList()) await OpenForStaffAsync(id, ct);
        if (DueNow && _due is { } due)
        {
            var facts = _detector.Facts is { } f ? AlertFacts.From(f, ModelVersion) : null;
            var request = new AlertRequest(AlertKinds.Inactivity, due.StillSince, due.StillSince, due.Explanation,
                $"still since {due.StillSince:O} beyond the detector's limit (model {ModelVersion?.ToString() ?? "none, fixed rule"})", facts);
            if (await TryRaiseAsync(request, ct)) _due = null;
        }
        if (HealthDueNow && HealthAlert() is { } health) await TryRaiseAsync(health, ct);
        await FlushPendingAsync(ct);
        await FlushOksAsync(ct);
    }

    private AlertRequest? HealthAlert()
    {
        var until = _lastMinute.GetValueOrDefault().AddMinutes(1);
        return _problem switch
        {
            DeviceHealthProblem.NotWorn when _health.NotWornSince is { } since => new AlertRequest(AlertKinds.NotWorn, null, since,
                AlertExplanation.NotWorn(since, until, zone), "watch off the wrist by day"),
            DeviceHealthProblem.LeftCharging when _health.ChargingSince is { } since => new AlertRequest(AlertKinds.LeftCharging, null,
                since, AlertExplanation.LeftCharging(since, until, zone), "watch on its charger by day"),
            _ => null,
        };
    }

    private async Task FlushPendingAsync(CancellationToken ct)
    {
        foreach (var request in _pending.ToList())
            if (await TryRaiseAsync(request, ct)) _pending.Remove(request);
    }

    private async Task<bool> TryRaiseAsync(AlertRequest request, CancellationToken ct)
    {
        var checkIn = AlertSeverities.ChecksIn(request.Kind, options, request.Facts?.Trigger);
        ActiveAlert stored;
        bool inserted;
        try
        {
            (stored, inserted) = await alerts.RaiseAsync(request, checkIn, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not store a {Kind} alert yet ({Error}); the decision is kept and retried", request.Kind, ex.Message);
            return false;
        }
        if (AlertKinds.MonitorManaged.Contains(request.Kind))
        {
            _open[request.Kind] = _lastMinute ?? time.GetUtcNow().UtcDateTime;
            _startedAt[request.Kind] = stored.StartedAt;
            _activeEnded.Remove(request.Kind); // a repeat: its new occurrence can end again
        }
        if (inserted && stored.State == AlertStates.Checking) await CheckInAsync(stored, ct);
        return true;
    }

    // "Are you OK?" on the watch: shown, the check-in waits for the OK (the sweep acts at the deadline); not shown,
    // staff are called at once. A failed write of "prompted" leaves the raise's deadline: the sweep still acts then.
    private async Task CheckInAsync(ActiveAlert alert, CancellationToken ct)
    {
        PromptOutcome outcome;
        var window = TimeSpan.Zero;
        try
        {
            window = await alerts.CheckInWindowAsync(ct);
            outcome = await prompt.AskAsync(seniorId, alert.Id, 1, window, options.PromptTimeout, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not prompt the watch for alert {AlertId} ({Error}); calling staff", alert.Id, ex.Message);
            outcome = PromptOutcome.Unreachable;
        }
        if (outcome == PromptOutcome.Shown)
        {
            try { await alerts.PromptedAsync(alert.Id, 1, window, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not record the prompt of alert {AlertId} ({Error}); its deadline stands", alert.Id, ex.Message);
            }
            return;
        }
        await OpenForStaffAsync(alert.Id, ct);
    }

    private async Task OpenForStaffAsync(long alertId, CancellationToken ct)
    {
        try
        {
            await alerts.WatchUnreachableAsync(alertId, ct);
            _unreachable.Remove(alertId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not open alert {AlertId} for staff yet ({Error}); retried", alertId, ex.Message);
            _unreachable.Add(alertId);
        }
    }

    private async Task TryClearAsync(string kind, DateTime endedAt, CancellationToken ct)
    {
        var reason = kind switch
        {
            AlertKinds.Inactivity => "movement while worn",
            AlertKinds.Offline => "data from the watch again",
            AlertKinds.LowBattery => "charging or charged",
            _ => "watch back on the wrist",
        };
        bool active;
        try
        {
            active = await alerts.EndConditionAsync(kind, endedAt, reason, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not record the end of a {Kind} alert yet ({Error}); retried with the next data", kind, ex.Message);
            return;
        }
        _open.Remove(kind);
        _ended.Remove(kind);
        if (active && !AlertSeverities.AutoResolves(kind)) _activeEnded.Add(kind);
    }

    private async Task ClearOfflineAsync(CancellationToken ct)
    {
        _pending.RemoveAll(p => p.Kind == AlertKinds.Offline);
        if (_open.ContainsKey(AlertKinds.Offline)) await TryClearAsync(AlertKinds.Offline, time.GetUtcNow().UtcDateTime, ct);
    }
}
