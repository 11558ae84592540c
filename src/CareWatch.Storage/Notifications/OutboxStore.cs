using CareWatch.Storage.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Notifications;

/// <summary>
/// The dispatchers' side of the notification outbox: claims due rows with a lease, records every attempt, and moves
/// failed rows on (retried from a later <c>not_before</c>, or dead). Rows are written by AlertTransitions only.
/// </summary>
/// <remarks>
/// A claim is one statement (<c>FOR UPDATE SKIP LOCKED</c>), so several nodes share the work without taking the
/// same row, and it counts as an attempt: a node that dies mid-send leaves a <c>sending</c> row whose lease expires,
/// and the next claim takes it again (the receiver sees the same idempotency key twice and can drop the copy).
/// </remarks>
public sealed class OutboxStore(NpgsqlDataSource dataSource, OutboxWakeup wakeup)
{
    private const string Columns = """
        o.id, o.alert_id, o.senior_id, o.bureau_id, o.channel, o.recipient, o.kind, o.urgent, o.payload::text,
        o.idempotency_key, o.attempts, o.trace_id, o.span_id
        """;

    /// <summary>
    /// Leases up to <paramref name="limit"/> due rows of a channel until <paramref name="leaseUntil"/>: queued or
    /// failed rows whose <c>not_before</c> has come, and sending rows whose lease ran out (their node died).
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(string channel, int limit, DateTime now, DateTime leaseUntil,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH due AS (
                SELECT id FROM notification_outbox
                WHERE channel = @channel AND not_before <= @now
                  AND (status IN ('queued', 'failed') OR (status = 'sending' AND lease_until <= @now))
                ORDER BY not_before, id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE notification_outbox o
            SET status = 'sending', lease_until = @lease, attempts = o.attempts + 1
            FROM due WHERE o.id = due.id
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue("channel", channel);
        cmd.Parameters.AddWithValue("limit", limit);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("lease", leaseUntil);
        var items = new List<OutboxItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            items.Add(new OutboxItem(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1),
                r.IsDBNull(2) ? null : r.GetGuid(2), r.GetGuid(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetBoolean(7), r.GetString(8), r.GetString(9), r.GetInt32(10),
                StoredTrace.Read(r, 11)));
        }
        items.Sort((a, b) => a.Id.CompareTo(b.Id)); // RETURNING keeps no order; pushes go out in queue order
        return items;
    }

    /// <summary>
    /// Records an attempt and moves the row on: sent/delivered; failed and retried from <paramref name="retryAt"/>;
    /// or dead when <paramref name="retryAt"/> is null. Only while this claim still holds the row (status sending at
    /// the claim's attempt): false when another node took it over after the lease ran out (the attempt is still
    /// recorded, and the row stays the newer claim's).
    /// </summary>
    public async Task<bool> RecordAsync(OutboxItem claim, DeliveryOutcome outcome, DateTime at, DateTime? retryAt,
        CancellationToken ct = default)
    {
        var status = outcome.Status switch
        {
            DeliveryStatus.Sent => "sent",
            DeliveryStatus.Delivered => "delivered",
            _ => retryAt is null ? "dead" : "failed",
        };
        await using var cmd = dataSource.CreateCommand("""
            WITH attempt AS (
                INSERT INTO notification_attempts (outbox_id, at, outcome, reason) VALUES (@id, @at, @outcome, @reason))
            UPDATE notification_outbox
            SET status = @status, lease_until = NULL, last_error = @reason,
                not_before = coalesce(@retry_at, not_before),
                sent_at = CASE WHEN @status IN ('sent', 'delivered') THEN @at ELSE sent_at END
            WHERE id = @id AND status = 'sending' AND attempts = @attempt
            """);
        // The attempt number tells this claim from a later one of the same row: both are 'sending'.
        cmd.Parameters.AddWithValue("id", claim.Id);
        cmd.Parameters.AddWithValue("attempt", claim.Attempts);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("outcome", outcome.StoredOutcome);
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.Add(new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)outcome.Reason ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("retry_at", NpgsqlDbType.TimestampTz) { Value = (object?)retryAt ?? DBNull.Value });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The dead letters of the scope's bureau (or its senior), newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadAsync(TenantScope scope, int limit = 200,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT o.id, o.alert_id, o.senior_id, o.channel, o.recipient, o.kind, o.urgent, o.attempts, o.last_error,
                   o.created_at
            FROM notification_outbox o
            WHERE o.status = 'dead' AND (o.bureau_id = @scope_bureau OR o.senior_id = @scope_senior)
            ORDER BY o.id DESC
            LIMIT @limit
            """);
        scope.AddParameters(cmd);
        cmd.Parameters.AddWithValue("limit", limit);
        var dead = new List<DeadLetter>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            dead.Add(new DeadLetter(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1),
                r.IsDBNull(2) ? null : r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetBoolean(6),
                r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetDateTime(9)));
        }
        return dead;
    }

    /// <summary>
    /// Queues a dead letter of the scope again, at once and with a fresh count of attempts (its earlier attempts stay
    /// recorded). False when the scope has no dead letter with that id.
    /// </summary>
    public async Task<bool> RetryAsync(TenantScope scope, long id, DateTime now, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE notification_outbox o
            SET status = 'queued', attempts = 0, not_before = @now, lease_until = NULL
            WHERE o.id = @id AND o.status = 'dead' AND (o.bureau_id = @scope_bureau OR o.senior_id = @scope_senior)
            """);
        scope.AddParameters(cmd);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("now", now);
        var retried = await cmd.ExecuteNonQueryAsync(ct) == 1;
        if (retried) wakeup.Notify();
        return retried;
    }
}
