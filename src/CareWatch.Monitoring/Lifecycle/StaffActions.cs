using CareWatch.Monitoring.Metrics;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareWatch.Monitoring.Lifecycle;

/// <summary>
/// Staff commands on an alert: acknowledge, resolve, comment, assign. Each finds the alert through the caller's
/// <see cref="TenantScope"/> (another bureau's alert is "not found"), applies its change at the version the person
/// saw (<see cref="AlertTransitions.ApplyAsync"/>: a stale version or a state the command cannot start from is a
/// conflict carrying the current row) in one transaction with the caller's record of it
/// (<see cref="StaffActionRecorder"/>, the audit entry), then tells the senior's monitor, so it never decides on a
/// state it no longer has. The boards hear of the change from the outbox row the transition queues.
/// </summary>
public sealed class StaffActions(
    NpgsqlDataSource dataSource, AlertTransitions transitions, AlertQueries queries, IGrainFactory grains,
    OutboxWakeup wakeup, TimeProvider time, ILogger<StaffActions> logger, MonitoringMetrics? metrics = null)
{
    /// <summary>Takes the alert (open, or still checking); the escalation chain stops.</summary>
    public Task<StaffActionResult> AcknowledgeAsync(TenantScope scope, long alertId, int version, AlertActor actor,
        StaffActionRecorder? record = null, CancellationToken ct = default) =>
        ApplyAsync(scope, alertId, version, async (alert, at) => StaffChanges.Acknowledge(alert, actor, at,
            await queries.CalledRelativesForSystemAsync(alert.Id, ct)), record, ct);

    /// <summary>Closes the alert with an outcome (<see cref="AlertOutcomes.ForStaff"/>) and an optional note.</summary>
    public Task<StaffActionResult> ResolveAsync(TenantScope scope, long alertId, int version, AlertActor actor,
        string? outcome, string? note, StaffActionRecorder? record = null, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (StaffChanges.InvalidResolution(outcome, note) is { } invalid)
            return Task.FromResult(StaffActionResult.Invalid(invalid.Field, invalid.Reason));
        return ApplyAsync(scope, alertId, version, async (alert, at) => StaffChanges.Resolve(alert, actor, outcome!,
            note, at, await queries.CalledRelativesForSystemAsync(alert.Id, ct)), record, ct);
    }

    /// <summary>Adds a comment (any state).</summary>
    public Task<StaffActionResult> CommentAsync(TenantScope scope, long alertId, int version, AlertActor actor,
        string? text, StaffActionRecorder? record = null, CancellationToken ct = default)
    {
        if (StaffChanges.InvalidComment(text) is { } invalid)
            return Task.FromResult(StaffActionResult.Invalid(invalid.Field, invalid.Reason));
        var change = StaffChanges.Comment(actor, text!.Trim());
        return ApplyAsync(scope, alertId, version, (_, _) => Task.FromResult(change), record, ct);
    }

    /// <summary>Assigns the alert to a staff member or supervisor of the scope's bureau, or unassigns it.</summary>
    public async Task<StaffActionResult> AssignAsync(TenantScope scope, long alertId, int version, AlertActor actor,
        Guid? assignee, StaffActionRecorder? record = null, CancellationToken ct = default)
    {
        if (assignee is { } colleague && !await queries.IsBureauColleagueAsync(scope, colleague, ct))
        {
            // An alert outside the scope stays "not found" whatever the assignee, so that the answer never tells a
            // foreign alert apart from a missing one.
            return await queries.FindAsync(scope, alertId, ct) is null
                ? StaffActionResult.NotFound
                : StaffActionResult.Invalid("assignee", "Not a staff member or supervisor of this bureau.");
        }
        var change = StaffChanges.Assign(actor, assignee);
        return await ApplyAsync(scope, alertId, version, (_, _) => Task.FromResult(change), record, ct);
    }

    private async Task<StaffActionResult> ApplyAsync(TenantScope scope, long alertId, int version,
        Func<AlertRecord, DateTime, Task<AlertChange>> build, StaffActionRecorder? record, CancellationToken ct)
    {
        if (await queries.FindAsync(scope, alertId, ct) is not { Alert: var alert }) return StaffActionResult.NotFound;
        if (alert.Version != version) return new StaffActionResult(StaffActionStatus.Conflict, alert, Reason: "stale");
        var at = time.GetUtcNow().UtcDateTime;
        var change = await build(alert, at);
        TransitionResult result;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            result = await transitions.ApplyAsync(alert.Id, version, change, at, ct, tx);
            if (result is { Applied: true, Alert: { } changed } && record is not null) await record(tx, changed, ct);
            await tx.CommitAsync(ct);
        }
        // The transition queued its notifications (the boards' push among them) in this transaction, so its own
        // wake-up came before they were visible: wake the dispatcher again now they are.
        if (result.Applied) wakeup.Notify();
        if (result is { Applied: true, Alert.AcknowledgedAt: { } acknowledged } && alert.AcknowledgedAt is null)
            metrics?.OnAcknowledged(alert.Kind, acknowledged - (alert.OpenedAt ?? alert.RaisedAt));
        switch (result)
        {
            case { Status: TransitionStatus.NotFound }:
                return StaffActionResult.NotFound;
            case { Applied: false, Alert: var current }:
                return new StaffActionResult(StaffActionStatus.Conflict, current,
                    Reason: result.Status == TransitionStatus.Stale ? "stale" : "state");
        }
        var now = result.Alert!;
        logger.LogInformation("Alert {AlertId} ({Kind}): {Event} by staff, now {State}", now.Id, now.Kind, change.Event,
            now.Status);
        await TellAsync(now);
        return new StaffActionResult(StaffActionStatus.Applied, now);
    }

    // The change is committed, so a failure to tell the monitor is logged, not answered as a failed command: a
    // monitor not told still cannot act on the old state, since its writes are version-guarded and it decides again
    // on the row a stale transition returns.
    private async Task TellAsync(AlertRecord alert)
    {
        try { await grains.GetGrain<ISeniorMonitorGrain>(alert.SeniorId).AlertChangedAsync(alert.Id); }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The monitor of alert {AlertId} could not be told of a staff change", alert.Id);
        }
    }
}
