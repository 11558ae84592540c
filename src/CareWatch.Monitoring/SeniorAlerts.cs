using System.Diagnostics;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Metrics;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Bureaus;
using Microsoft.Extensions.Logging;
using Polly;

namespace CareWatch.Monitoring;

/// <summary>
/// One senior's alerts in PostgreSQL as their monitor raises them and records what happens to them, written through
/// <see cref="AlertTransitions"/> (the lifecycle's one writer: row, event and outbox in one statement), with a short
/// retry since each write is idempotent or version-guarded, and logged with the monitor's reason. Boards hear of
/// each change from the outbox row the transition queues with it (the dispatcher's SignalR channel).
/// </summary>
public sealed class SeniorAlerts(
    Guid seniorId, AlertStore store, AlertTransitions transitions, CheckInSettingsStore settings,
    ResiliencePipeline retry, MonitorOptions options, TimeProvider time,
    ILogger logger) : IMonitorAlerts
{
    /// <summary>The name of the retry pipeline for alert writes (registered by <see cref="MonitoringExtensions"/>).</summary>
    public const string RetryPipeline = "alert-writes";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActiveAlert>> LoadActiveAsync(CancellationToken ct)
    {
        // One query for all of them: every monitor activation (after a restart, every senior's) asks this.
        var active = await store.ListActiveAsync(seniorId, AlertKinds.MonitorManaged, ct);
        return active.Select(ToActive).ToList();
    }

    /// <inheritdoc />
    public Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct) =>
        store.ExistsForStillPeriodAsync(seniorId, AlertKinds.Inactivity, stillSince, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<UnalertedEvent>> UnalertedEventsAsync(DateTime since, CancellationToken ct) =>
        store.UnalertedEventsAsync(seniorId, [AlertKinds.Sos, AlertKinds.Fall], since, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<DateTime>> OkPressesAsync(DateTime since, CancellationToken ct) =>
        store.OkPressesAsync(seniorId, since, ct);

    /// <inheritdoc />
    public async Task<TimeSpan> CheckInWindowAsync(CancellationToken ct) =>
        (await retry.ExecuteAsync(async t => await settings.ForSeniorForSystemAsync(seniorId, t), ct)
         ?? CheckInSettings.Default).Window;

    /// <inheritdoc />
    public async Task<int> LowBatteryPercentAsync(CancellationToken ct) =>
        (await retry.ExecuteAsync(async t => await settings.ForSeniorForSystemAsync(seniorId, t), ct)
         ?? CheckInSettings.Default).LowBatteryPercent;

    /// <inheritdoc />
    public async Task<(ActiveAlert Alert, bool Inserted)> RaiseAsync(AlertRequest alert, bool checkIn, CancellationToken ct)
    {
        // The alert's row keeps this activity's trace (AlertTransitions), and its notifications continue it. An event
        // found in storage is raised in the trace of the message that carried it, not in whatever runs now.
        using var activity = MonitoringTracing.Source.StartActivity(MonitoringTracing.AlertRaise, ActivityKind.Internal,
            alert.Trace?.ToParent() ?? default);
        activity?.SetTag("carewatch.alert.kind", alert.Kind);
        var at = Now;
        var deadline = checkIn ? at + await CheckInWindowAsync(ct) : (DateTime?)null;
        var raise = new NewAlert(seniorId, alert.Kind, AlertSeverities.For(alert.Kind),
            checkIn ? AlertStates.Checking : AlertStates.Open, alert.StillSince, alert.StartedAt, alert.Explanation,
            alert.Facts?.ToJson(), PromptDeadline: deadline, NextStepAt: checkIn ? null : at,
            SeverityRisesAt: checkIn ? null : AlertSeverities.RisesAt(alert.Kind, at, options));
        var raised = await retry.ExecuteAsync(async t => await transitions.RaiseAsync(raise, MonitorChanges.Monitor, at, ct: t), ct);
        activity?.SetTag("carewatch.alert.id", raised.Alert.Id);
        logger.LogInformation("Alert {AlertId} ({Kind}) {State} for senior {SeniorId} ({Event}): {Reason}", raised.Alert.Id,
            alert.Kind, raised.Alert.Status, seniorId, raised.Inserted ? "raised" : "repeat", alert.Reason);
        return (ToActive(raised.Alert), raised.Inserted);
    }

    /// <inheritdoc />
    public async Task<bool> PromptedAsync(long alertId, int number, TimeSpan window, CancellationToken ct)
    {
        var result = await ApplyAsync(alertId, _ => MonitorChanges.Prompted(MonitorChanges.Monitor, number, Now + window), ct);
        return result is { Applied: true };
    }

    /// <inheritdoc />
    public async Task WatchUnreachableAsync(long alertId, CancellationToken ct)
    {
        await ApplyAsync(alertId, _ => MonitorChanges.WatchUnreachable(MonitorChanges.Monitor, Now), ct);
        await ApplyAsync(alertId, a => MonitorChanges.Opened(MonitorChanges.Monitor, a.Kind, Now, options,
            AlertEvents.WatchUnreachable), ct);
    }

    /// <inheritdoc />
    public async Task SeniorOkAsync(DateTime at, CancellationToken ct)
    {
        // Decided on the stored row; a sweep or a person may change it in between: then decided again on theirs.
        var alert = await retry.ExecuteAsync(async t => await transitions.FindActiveAsync(seniorId, AlertKinds.Inactivity, t), ct);
        var result = await ApplyAsync(alert, a => CheckInDecision.OnOk(a, at) switch
        {
            OkAnswer.Cancel => MonitorChanges.Cancelled(a, at, Now),
            OkAnswer.AnsweredLate => MonitorChanges.AnsweredLate(),
            _ => null,
        }, ct);
        if (result is { Applied: true, Alert: { } now })
            logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId}: OK pressed, now {State}",
                now.Id, now.Kind, seniorId, now.Status);
    }

    /// <inheritdoc />
    public async Task UpdateFactsAsync(string kind, AlertFacts facts, CancellationToken ct)
    {
        var active = await transitions.FindActiveAsync(seniorId, kind, ct);
        if (active is null) return;
        var result = await ApplyAsync(active, _ => MonitorChanges.FactsUpdated(facts), ct);
        if (result is { Applied: true })
            logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId} now decided by {Trigger} (model {Version})",
                active.Id, kind, seniorId, facts.Trigger, facts.ModelVersion);
    }

    /// <inheritdoc />
    public async Task<bool> EndConditionAsync(string kind, DateTime endedAt, string reason, CancellationToken ct)
    {
        var active = await retry.ExecuteAsync(async t => await transitions.FindActiveAsync(seniorId, kind, t), ct);
        if (active is null) return false;
        var result = await ApplyAsync(active, _ => AlertSeverities.AutoResolves(kind)
            ? MonitorChanges.AutoResolved(endedAt, Now, reason)
            : MonitorChanges.ConditionEnded(endedAt, reason), ct);
        if (result is { Applied: true, Alert: { } now })
            logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId}: condition ended at {EndedAt:O} ({Reason}), {State}",
                now.Id, kind, seniorId, endedAt, reason, now.Status);
        return true;
    }

    private async Task<TransitionResult?> ApplyAsync(long alertId, Func<AlertRecord, AlertChange?> change, CancellationToken ct) =>
        await ApplyAsync(await retry.ExecuteAsync(async t => await transitions.FindAsync(alertId, t), ct), change, ct);

    // The change decided on the row read, at its version. When another writer overtook it, the stale result carries
    // the row as it is now: decided again on that one (no second read). A null change means nothing to do.
    private async Task<TransitionResult?> ApplyAsync(AlertRecord? alert, Func<AlertRecord, AlertChange?> change,
        CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3 && alert is not null; attempt++)
        {
            if (change(alert) is not { } c) return null;
            if (!c.From.Contains(alert.Status)) return new TransitionResult(TransitionStatus.WrongState, alert);
            var result = await retry.ExecuteAsync(async t => await transitions.ApplyAsync(alert.Id, alert.Version, c, Now, t), ct);
            if (result.Status != TransitionStatus.Stale) return result;
            alert = result.Alert;
        }
        return null;
    }

    private static ActiveAlert ToActive(AlertRecord a) => new(a.Id, a.Kind, a.Status,
        a.LastRepeatAt is { } repeated && repeated > a.RaisedAt ? repeated : a.RaisedAt, a.EndedAt, AlertFacts.Parse(a.Facts),
        a.StartedAt);
}
