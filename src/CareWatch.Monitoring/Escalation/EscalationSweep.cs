using System.Diagnostics;
using CareWatch.Monitoring.Metrics;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Escalation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareWatch.Monitoring.Escalation;

/// <summary>
/// Drives the escalation chains from PostgreSQL: every <see cref="EscalationOptions.PollInterval"/> it locks the open
/// alerts whose next step is due (<c>FOR UPDATE SKIP LOCKED</c>, so nodes share the work and never do a step twice),
/// carries out every step due by now through <see cref="AlertTransitions"/> in that transaction, and raises the
/// severity of alerts left unacknowledged. All state is in the rows (escalation_step, next_step_at,
/// reminders_sent), so a restarted node resumes every chain where it stood; the outbox's idempotency keys make
/// a step that is repeated after a crash queue nothing twice.
/// </summary>
public sealed class EscalationSweep(
    NpgsqlDataSource dataSource, AlertTransitions transitions, EscalationChainStore chains, RecipientDirectory recipients,
    OutboxWakeup wakeup, IOptions<EscalationOptions> options, TimeProvider time,
    ILogger<EscalationSweep> logger, DatabaseSchema? schema = null) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On a fresh database the tables come with the migrations: sweeping before them only logs errors.
        if (schema is not null) await schema.Migrated.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                // Full batches mean more is due: go on at once rather than a poll later.
                while (await SweepAsync(stoppingToken) >= options.Value.BatchSize) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Escalation sweep failed; retrying at the next poll");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep: due steps and reminders, then severity rises. Returns the alerts changed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default) =>
        await EscalateDueAsync(ct) + await RaiseSeveritiesAsync(ct);

    /// <summary>Carries out the due steps of one batch of alerts; returns how many alerts changed.</summary>
    public async Task<int> EscalateDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = new List<AlertRecord>();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var due = await LockAsync(tx, "a.next_step_at <= @now ORDER BY a.next_step_at", now, ct);
            var bureauChains = new Dictionary<Guid, BureauChain>();
            foreach (var alert in due)
            {
                if (!bureauChains.TryGetValue(alert.BureauId, out var bureau))
                    bureauChains[alert.BureauId] = bureau = await chains.FindForSystemAsync(alert.BureauId, tx, ct);
                if (await CarryOutAsync(tx, alert, bureau, now, ct) is { } last) changed.Add(last);
            }
            await tx.CommitAsync(ct);
        }
        WakeDispatcher(changed);
        return changed.Count;
    }

    /// <summary>Raises the severity of one batch of open alerts past their severity_rises_at.</summary>
    public async Task<int> RaiseSeveritiesAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = new List<AlertRecord>();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var due = await LockAsync(tx, "a.severity_rises_at <= @now AND a.severity < 3 ORDER BY a.severity_rises_at", now, ct);
            foreach (var alert in due)
            {
                using var activity = Continue(alert);
                var result = await transitions.ApplyAsync(alert.Id, alert.Version, EscalationPlanner.SeverityRise(alert, now),
                    now, ct, tx);
                if (result.Applied) changed.Add(result.Alert!);
            }
            await tx.CommitAsync(ct);
        }
        WakeDispatcher(changed);
        return changed.Count;
    }

    // Every step due by now, in order (a node that was down catches up), each its own event and outbox rows.
    private async Task<AlertRecord?> CarryOutAsync(NpgsqlTransaction tx, AlertRecord alert, BureauChain bureau, DateTime now,
        CancellationToken ct)
    {
        using var activity = Continue(alert);
        var chain = DefaultChain.Or(bureau.Steps);
        AlertRecord? last = null;
        var current = alert;
        while (current is { Status: AlertStates.Open, NextStepAt: { } dueAt } && dueAt <= now)
        {
            var (step, number) = EscalationPlanner.Next(current, chain);
            var recipient = step ?? new EscalationStep(0, 0, ChainRecipients.OnDutyStaff);
            var who = await recipients.ResolveForSystemAsync(tx, recipient.Recipient, recipient.RelativeOrder,
                recipient.WebhookId, current.BureauId, current.SeniorId, now, ct);
            if (who.Count == 0)
                logger.LogWarning("Escalation of alert {AlertId}: {Recipient} reaches nobody", current.Id, recipient.Recipient);
            var change = EscalationPlanner.Change(current, step, number, who, chain, bureau.ReminderEverySeconds, now);
            var result = await transitions.ApplyAsync(current.Id, current.Version, change, now, ct, tx);
            if (!result.Applied) break; // changed by someone else since it was locked: impossible under the lock, but safe
            last = current = result.Alert!;
        }
        return last;
    }

    // The sweep's work on an alert continues the alert's trace (a row without one gets a trace of its own).
    private static Activity? Continue(AlertRecord alert)
    {
        var activity = MonitoringTracing.Source.StartActivity(MonitoringTracing.AlertEscalate, ActivityKind.Internal,
            alert.Trace?.ToParent() ?? default);
        activity?.SetTag("carewatch.alert.id", alert.Id);
        return activity;
    }

    private async Task<List<AlertRecord>> LockAsync(NpgsqlTransaction tx, string condition, DateTime now,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(AlertRecord.Select +
            $" WHERE a.status = 'open' AND {condition} LIMIT @limit FOR UPDATE OF a SKIP LOCKED", tx.Connection, tx);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("limit", options.Value.BatchSize);
        var list = new List<AlertRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(AlertRecord.Read(r));
        return list;
    }

    // The transitions queued their notifications inside the sweep's transaction, so the wake-up they gave came before
    // the rows were visible; after the commit, wake the dispatcher again rather than leave them to its next poll.
    private void WakeDispatcher(List<AlertRecord> changed)
    {
        if (changed.Count > 0) wakeup.Notify();
    }
}
