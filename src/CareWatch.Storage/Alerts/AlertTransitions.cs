using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// The only writer of alert rows. Every raise and every transition is one SQL statement: the alert row (guarded by
/// its version and state), its append-only <c>alert_events</c> row and its <c>notification_outbox</c> rows (always
/// one push to the boards, plus the change's own) commit together or not at all, so nothing that changed an alert
/// can lose its record or its notifications, and a stale writer changes nothing.
/// </summary>
/// <remarks>
/// Callers are system code (monitors, sweeps) and the APIs, which find the alert through the caller's
/// <see cref="TenantScope"/> first (<see cref="AlertStore"/>) and pass its id and the version the person saw.
/// </remarks>
public sealed class AlertTransitions(NpgsqlDataSource dataSource, OutboxWakeup wakeup)
{
    /// <summary>The recipient of the boards' push: the senior's bureau and relatives (SignalR groups).</summary>
    public const string BoardRecipient = "board";

    /// <summary>The kind of the boards' push.</summary>
    public const string BoardKind = "alert-changed";

    private const string QueueOutbox = """
        , ob AS (
            INSERT INTO notification_outbox (alert_id, senior_id, bureau_id, channel, recipient, kind, urgent, payload,
                                             idempotency_key, not_before, created_at, trace_id, span_id)
            SELECT c.id, c.senior_id, s.bureau_id, m.channel, m.recipient, m.kind, m.urgent, m.payload::jsonb,
                   replace(replace(m.key, '{version}', c.version::text), '{alert}', c.id::text), coalesce(m.not_before, @at), @at,
                   coalesce(c.trace_id, @trace_id), CASE WHEN c.trace_id IS NULL THEN @span_id ELSE c.span_id END
            FROM changed c JOIN seniors s ON s.id = c.senior_id
            CROSS JOIN unnest(@o_channel::text[], @o_recipient::text[], @o_kind::text[], @o_urgent::boolean[],
                              @o_payload::text[], @o_key::text[], @o_not_before::timestamptz[])
                 AS m(channel, recipient, kind, urgent, payload, key, not_before)
            ON CONFLICT (idempotency_key) DO NOTHING)
        """;

    /// <summary>
    /// Creates the alert, or extends the active alert of the senior and kind when this is another occurrence of its
    /// episode (another start time: a second SOS press, a new still period before staff closed the first). A raise
    /// retried with the same start changes nothing and returns the active alert.
    /// </summary>
    public async Task<RaiseResult> RaiseAsync(NewAlert alert, AlertActor actor, DateTime at,
        IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken ct = default)
    {
        if (alert.State is not (AlertStates.Checking or AlertStates.Open))
            throw new ArgumentException("An alert is raised checking or open.", nameof(alert));
        await using var cmd = dataSource.CreateCommand($$"""
            WITH changed AS (
                INSERT INTO alerts (senior_id, kind, status, severity, still_since, raised_at, explanation, started_at,
                                    updated_at, facts, opened_at, prompt_deadline, next_step_at, severity_rises_at,
                                    trace_id, span_id)
                VALUES (@senior, @kind, @state, @severity, @still, @at, @explanation, @started, @at, @facts::jsonb,
                        CASE WHEN @state = 'open' THEN @at END, @prompt_deadline, @next_step_at, @severity_rises_at,
                        @trace_id, @span_id)
                ON CONFLICT (senior_id, kind) WHERE status IN ('checking', 'open', 'acknowledged')
                DO UPDATE SET repeat_count = alerts.repeat_count + 1, last_repeat_at = EXCLUDED.raised_at,
                              updated_at = EXCLUDED.raised_at
                    WHERE alerts.started_at <> EXCLUDED.started_at
                RETURNING id, senior_id, version, status, trace_id, span_id, (xmax = 0) AS inserted),
            ev AS (
                INSERT INTO alert_events (alert_id, senior_id, at, event, actor_kind, actor_id, from_status, to_status,
                                          version, detail)
                SELECT id, senior_id, @at, CASE WHEN inserted THEN 'raised' ELSE 'repeated' END, @actor_kind, @actor_id,
                       CASE WHEN inserted THEN NULL ELSE status END, status, version, coalesce(@detail::jsonb, '{}')
                FROM changed)
            {{QueueOutbox}}
            SELECT id, inserted FROM changed
            """);
        cmd.Parameters.AddWithValue("senior", alert.SeniorId);
        cmd.Parameters.AddWithValue("kind", alert.Kind);
        cmd.Parameters.AddWithValue("state", alert.State);
        cmd.Parameters.AddWithValue("severity", (short)alert.Severity);
        cmd.Parameters.Add(Nullable("still", NpgsqlDbType.TimestampTz, alert.StillSince));
        cmd.Parameters.AddWithValue("explanation", alert.Explanation);
        cmd.Parameters.AddWithValue("started", alert.StartedAt);
        cmd.Parameters.Add(Nullable("facts", NpgsqlDbType.Text, alert.FactsJson));
        cmd.Parameters.Add(Nullable("prompt_deadline", NpgsqlDbType.TimestampTz, alert.PromptDeadline));
        cmd.Parameters.Add(Nullable("next_step_at", NpgsqlDbType.TimestampTz, alert.NextStepAt));
        cmd.Parameters.Add(Nullable("severity_rises_at", NpgsqlDbType.TimestampTz, alert.SeverityRisesAt));
        cmd.Parameters.Add(Nullable("detail", NpgsqlDbType.Text, alert.DetailJson));
        AddCommon(cmd, actor, at, WithBoardPush(outbox ?? []));
        long id;
        bool inserted;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct))
            {
                await r.DisposeAsync();
                var active = await FindActiveAsync(alert.SeniorId, alert.Kind, ct)
                    ?? throw new InvalidOperationException("A raise changed nothing, yet no alert of the kind is active.");
                return new RaiseResult(active, false, false);
            }
            id = r.GetInt64(0);
            inserted = r.GetBoolean(1);
        }
        wakeup.Notify();
        var stored = await FindAsync(id, ct) ?? throw new InvalidOperationException("The alert just raised is gone.");
        return new RaiseResult(stored, inserted, !inserted);
    }

    /// <summary>
    /// Applies one transition to the alert at <paramref name="version"/>; changes nothing and says why when the
    /// alert is gone, at another version, or in a state the change cannot start from.
    /// </summary>
    /// <param name="transaction">
    /// An open transaction to run in (the escalation sweep holds the row locked), or null. With one, the caller wakes
    /// the outbox dispatcher (<see cref="OutboxWakeup.Notify"/>) after it commits.
    /// </param>
    public async Task<TransitionResult> ApplyAsync(long alertId, int version, AlertChange change, DateTime at,
        CancellationToken ct = default, NpgsqlTransaction? transaction = null)
    {
        var sets = string.Concat(change.Sets.Select((s, i) =>
            s.Column == "facts" ? $", facts = @s{i}::jsonb" : $", {s.Column} = @s{i}"));
        var outbox = change.PushToBoards ? WithBoardPush(change.Outbox) : change.Outbox;
        await using var cmd = new NpgsqlCommand($$"""
            WITH previous AS (SELECT id, status FROM alerts WHERE id = @id),
            changed AS (
                UPDATE alerts a SET status = coalesce(@to, a.status), updated_at = @at{{sets}}
                FROM previous p
                WHERE a.id = p.id AND a.version = @version AND a.status = ANY(@from)
                RETURNING a.id, a.senior_id, a.version, a.status, a.trace_id, a.span_id, p.status AS from_status),
            ev AS (
                INSERT INTO alert_events (alert_id, senior_id, at, event, actor_kind, actor_id, from_status, to_status,
                                          version, detail)
                SELECT id, senior_id, @at, @event, @actor_kind, @actor_id, from_status, status, version,
                       coalesce(@detail::jsonb, '{}')
                FROM changed)
            {{QueueOutbox}}
            SELECT id FROM changed
            """, transaction?.Connection ?? await dataSource.OpenConnectionAsync(ct), transaction);
        await using var ownConnection = transaction is null ? cmd.Connection : null;
        cmd.Parameters.AddWithValue("id", alertId);
        cmd.Parameters.AddWithValue("version", version);
        cmd.Parameters.Add(Nullable("to", NpgsqlDbType.Text, change.To));
        cmd.Parameters.AddWithValue("from", change.From.ToArray());
        cmd.Parameters.AddWithValue("event", change.Event);
        cmd.Parameters.Add(Nullable("detail", NpgsqlDbType.Text, change.DetailJson));
        for (var i = 0; i < change.Sets.Count; i++)
            cmd.Parameters.Add(new NpgsqlParameter($"s{i}", change.Sets[i].Value ?? DBNull.Value));
        AddCommon(cmd, change.Actor, at, outbox);
        var applied = await cmd.ExecuteScalarAsync(ct) is long;
        // In a caller's transaction the rows are visible only once it commits, so the caller wakes the dispatcher then
        // (OutboxWakeup.Notify after its commit): a wake-up now would find nothing.
        if (applied && transaction is null) wakeup.Notify();
        var now = await FindAsync(alertId, ct, transaction);
        if (applied) return new TransitionResult(TransitionStatus.Applied, now);
        if (now is null) return new TransitionResult(TransitionStatus.NotFound, null);
        return new TransitionResult(now.Version != version ? TransitionStatus.Stale : TransitionStatus.WrongState, now);
    }

    /// <summary>The active alert of a kind for a senior, if any (system use).</summary>
    public async Task<AlertRecord?> FindActiveAsync(Guid seniorId, string kind, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(AlertRecord.Select +
            " WHERE a.senior_id = @senior AND a.kind = @kind AND a.status IN ('checking', 'open', 'acknowledged')");
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? AlertRecord.Read(r) : null;
    }

    /// <summary>One alert by id (system use; APIs go through <see cref="AlertStore"/> with a scope).</summary>
    public async Task<AlertRecord?> FindAsync(long id, CancellationToken ct = default, NpgsqlTransaction? transaction = null)
    {
        await using var cmd = new NpgsqlCommand(AlertRecord.Select + " WHERE a.id = @id",
            transaction?.Connection ?? await dataSource.OpenConnectionAsync(ct), transaction);
        await using var ownConnection = transaction is null ? cmd.Connection : null;
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? AlertRecord.Read(r) : null;
    }

    // Every change is pushed to the boards; the dispatcher sends the alert as it is when it delivers, so the key
    // only has to be unique per change.
    private static IReadOnlyList<OutboxMessage> WithBoardPush(IReadOnlyList<OutboxMessage> outbox) =>
        [new OutboxMessage(OutboxChannels.SignalR, BoardRecipient, BoardKind, true, "alert:{alert}:v{version}:board"),
         ..outbox];

    private static void AddCommon(NpgsqlCommand cmd, AlertActor actor, DateTime at, IReadOnlyList<OutboxMessage> outbox)
    {
        // The caller's trace: stored on a new alert (a repeat keeps the first one's), and on the change's notifications
        // only when the alert has none, so all of an alert's notifications carry one correlation id, the raise's.
        var trace = StoredTrace.Current;
        cmd.Parameters.Add(Nullable("trace_id", NpgsqlDbType.Text, trace?.TraceId));
        cmd.Parameters.Add(Nullable("span_id", NpgsqlDbType.Text, trace?.SpanId));
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("actor_kind", actor.Kind);
        cmd.Parameters.Add(Nullable("actor_id", NpgsqlDbType.Text, actor.Id));
        cmd.Parameters.AddWithValue("o_channel", outbox.Select(m => m.Channel).ToArray());
        cmd.Parameters.AddWithValue("o_recipient", outbox.Select(m => m.Recipient).ToArray());
        cmd.Parameters.AddWithValue("o_kind", outbox.Select(m => m.Kind).ToArray());
        cmd.Parameters.AddWithValue("o_urgent", outbox.Select(m => m.Urgent).ToArray());
        cmd.Parameters.AddWithValue("o_payload", outbox.Select(m => m.PayloadJson).ToArray());
        cmd.Parameters.AddWithValue("o_key", outbox.Select(m => m.IdempotencyKey).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter<DateTime?[]>("o_not_before", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = outbox.Select(m => m.NotBefore).ToArray(),
        });
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
