using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// Alert rows in PostgreSQL, the source of truth for the alert lifecycle. The board's listing takes the caller's
/// <see cref="TenantScope"/>; the other methods are the monitors' (system use, keyed by a senior or alert id that
/// comes from the system itself, never from a request).
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    private const string SelectAlert = AlertRecord.Select;

    /// <summary>
    /// Opens an alert unless one of the same kind is already open for the senior; returns the open alert
    /// either way, so a retried raise never duplicates it.
    /// </summary>
    /// <param name="startedAt">
    /// When the situation began, if not the still period's start: the SOS press or the fall as the watch
    /// reported it. Defaults to <paramref name="stillSince"/>, else <paramref name="raisedAt"/>.
    /// </param>
    public async Task<AlertRecord> RaiseAsync(Guid seniorId, string kind, DateTime? stillSince, DateTime raisedAt,
        string explanation, DateTime? startedAt = null, string? factsJson = null, CancellationToken ct = default)
    {
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO alerts (senior_id, kind, status, still_since, raised_at, explanation, started_at, updated_at, facts)
            VALUES (@senior, @kind, 'open', @still, @raised, @explanation, @started, @raised, @facts::jsonb)
            ON CONFLICT (senior_id, kind) WHERE status = 'open' DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue("senior", seniorId);
            insert.Parameters.AddWithValue("kind", kind);
            insert.Parameters.AddWithValue("still", (object?)stillSince ?? DBNull.Value);
            insert.Parameters.AddWithValue("raised", raisedAt);
            insert.Parameters.AddWithValue("started", startedAt ?? stillSince ?? raisedAt);
            insert.Parameters.AddWithValue("explanation", explanation);
            insert.Parameters.AddWithValue("facts", (object?)factsJson ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(ct);
        }
        return (await FindOpenAsync(seniorId, kind, ct))
            ?? throw new InvalidOperationException("The alert just raised is not open.");
    }

    /// <summary>Replaces the structured facts of the open alert of this kind; null when none is open.</summary>
    public async Task<AlertRecord?> UpdateFactsAsync(Guid seniorId, string kind, string factsJson, DateTime updatedAt,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE alerts SET facts = @facts::jsonb, updated_at = @updated
            WHERE senior_id = @senior AND kind = @kind AND status = 'open'
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("facts", factsJson);
        cmd.Parameters.AddWithValue("updated", updatedAt);
        return await cmd.ExecuteScalarAsync(ct) is long id ? await FindAsync(id, ct) : null;
    }

    /// <summary>
    /// Marks the open alert of this kind as cleared at <paramref name="closedAt"/>, its condition having ended at
    /// <paramref name="endedAt"/> (default: then); null when none was open.
    /// </summary>
    public async Task<AlertRecord?> ClearAsync(Guid seniorId, string kind, DateTime closedAt, DateTime? endedAt = null,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE alerts SET status = 'cleared', closed_at = @closed, updated_at = @closed, ended_at = @ended
            WHERE senior_id = @senior AND kind = @kind AND status = 'open'
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("closed", closedAt);
        cmd.Parameters.AddWithValue("ended", endedAt ?? closedAt);
        var id = await cmd.ExecuteScalarAsync(ct);
        return id is long alertId ? await FindAsync(alertId, ct) : null;
    }

    /// <summary>The open alert of a kind for a senior, if any.</summary>
    public async Task<AlertRecord?> FindOpenAsync(Guid seniorId, string kind, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(SelectAlert + " WHERE a.senior_id = @senior AND a.kind = @kind AND a.status = 'open'");
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>Whether an alert (in any state) was already raised for the still period that began at <paramref name="stillSince"/>.</summary>
    public async Task<bool> ExistsForStillPeriodAsync(Guid seniorId, string kind, DateTime stillSince, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM alerts WHERE senior_id = @senior AND kind = @kind AND still_since = @since)
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("since", stillSince);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Button presses and falls of the senior since <paramref name="since"/> that no alert covers: none of their kind
    /// was open when they happened or raised after them. After a node died between storing the event and storing
    /// its alert, the senior's next monitor raises them.
    /// </summary>
    public async Task<IReadOnlyList<(DateTime At, string Kind)>> UnalertedEventsAsync(Guid seniorId, IReadOnlyList<string> kinds,
        DateTime since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT e.at, e.kind FROM device_events e
            WHERE e.senior_id = @senior AND e.kind = ANY(@kinds) AND e.at >= @since
              AND NOT EXISTS (SELECT 1 FROM alerts a
                              WHERE a.senior_id = e.senior_id AND a.kind = e.kind
                                AND (a.raised_at >= e.at OR a.closed_at IS NULL OR a.closed_at >= e.at))
            ORDER BY e.at
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kinds", kinds.ToArray());
        cmd.Parameters.AddWithValue("since", since);
        var list = new List<(DateTime, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetString(1)));
        return list;
    }

    /// <summary>One alert by id.</summary>
    public async Task<AlertRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(SelectAlert + " WHERE a.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>The senior's open alerts of the given kinds.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListOpenAsync(Guid seniorId, IReadOnlyList<string> kinds,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            SelectAlert + " WHERE a.senior_id = @senior AND a.kind = ANY(@kinds) AND a.status = 'open'");
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kinds", kinds.ToArray());
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// What the scope's board shows: open alerts, and alerts closed at or after <paramref name="closedSince"/> (so a
    /// card saying "movement resumed" survives a reload), longest waiting first.
    /// </summary>
    public async Task<IReadOnlyList<AlertRecord>> ListOpenOrClosedSinceAsync(TenantScope scope, DateTime closedSince,
        CancellationToken ct = default)
    {
        // The status test on the closed side lets PostgreSQL use both partial indexes.
        await using var cmd = dataSource.CreateCommand(SelectAlert + $"""
             WHERE (a.status = 'open' OR (a.status <> 'open' AND a.closed_at >= @closed_since))
               AND {TenantScope.SeniorCondition("s")}
             ORDER BY a.started_at, a.id
            """);
        cmd.Parameters.AddWithValue("closed_since", closedSince);
        scope.AddParameters(cmd);
        return await ReadAsync(cmd, ct);
    }

    private static async Task<IReadOnlyList<AlertRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<AlertRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(AlertRecord.Read(r));
        return list;
    }
}
