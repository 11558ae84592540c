using Npgsql;

namespace CareWatch.Storage;

/// <summary>An alert as staff see it.</summary>
/// <param name="StartedAt">When the situation began (still period, SOS press, fall): the board counts from it.</param>
/// <param name="Version">1 when raised, one more on every change of the row: a board tells newer from older.</param>
/// <param name="UpdatedAt">When the row last changed.</param>
public sealed record AlertRecord(
    long Id,
    Guid SeniorId,
    string SeniorName,
    Guid BureauId,
    string SeniorTimeZone,
    string Kind,
    string Status,
    DateTime? StillSince,
    DateTime RaisedAt,
    DateTime? ClosedAt,
    string Explanation,
    DateTime StartedAt,
    int Version,
    DateTime UpdatedAt);

/// <summary>Alert rows in PostgreSQL, the source of truth for the alert lifecycle.</summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    private const string SelectAlert = """
        SELECT a.id, a.senior_id, s.display_name, s.bureau_id, s.time_zone, a.kind, a.status, a.still_since, a.raised_at,
               a.closed_at, a.explanation, a.started_at, a.version, a.updated_at
        FROM alerts a JOIN seniors s ON s.id = a.senior_id
        """;

    /// <summary>
    /// Opens an alert unless one of the same kind is already open for the senior; returns the open alert
    /// either way, so a retried raise never duplicates it.
    /// </summary>
    /// <param name="startedAt">
    /// When the situation began, if not the still period's start: the SOS press or the fall as the watch
    /// reported it. Defaults to <paramref name="stillSince"/>, else <paramref name="raisedAt"/>.
    /// </param>
    public async Task<AlertRecord> RaiseAsync(Guid seniorId, string kind, DateTime? stillSince, DateTime raisedAt,
        string explanation, DateTime? startedAt = null, CancellationToken ct = default)
    {
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO alerts (senior_id, kind, status, still_since, raised_at, explanation, started_at, updated_at)
            VALUES (@senior, @kind, 'open', @still, @raised, @explanation, @started, @raised)
            ON CONFLICT (senior_id, kind) WHERE status = 'open' DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue("senior", seniorId);
            insert.Parameters.AddWithValue("kind", kind);
            insert.Parameters.AddWithValue("still", (object?)stillSince ?? DBNull.Value);
            insert.Parameters.AddWithValue("raised", raisedAt);
            insert.Parameters.AddWithValue("started", startedAt ?? stillSince ?? raisedAt);
            insert.Parameters.AddWithValue("explanation", explanation);
            await insert.ExecuteNonQueryAsync(ct);
        }
        return (await FindOpenAsync(seniorId, kind, ct))
            ?? throw new InvalidOperationException("The alert just raised is not open.");
    }

    /// <summary>Marks the open alert of this kind as cleared (the condition ended); null when none was open.</summary>
    public async Task<AlertRecord?> ClearAsync(Guid seniorId, string kind, DateTime closedAt, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE alerts SET status = 'cleared', closed_at = @closed, updated_at = @closed
            WHERE senior_id = @senior AND kind = @kind AND status = 'open'
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("closed", closedAt);
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

    /// <summary>One alert by id.</summary>
    public async Task<AlertRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(SelectAlert + " WHERE a.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>All open alerts, oldest first (the longest-waiting senior comes first on the board).</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListOpenAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(SelectAlert + " WHERE a.status = 'open' ORDER BY a.raised_at, a.id");
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// What the board shows: open alerts, and alerts closed at or after <paramref name="closedSince"/> (so a
    /// card saying "movement resumed" survives a reload), longest waiting first.
    /// </summary>
    public async Task<IReadOnlyList<AlertRecord>> ListOpenOrClosedSinceAsync(DateTime closedSince,
        CancellationToken ct = default)
    {
        // The status test on the closed side lets PostgreSQL use both partial indexes.
        await using var cmd = dataSource.CreateCommand(SelectAlert + """
             WHERE a.status = 'open' OR (a.status <> 'open' AND a.closed_at >= @closed_since)
             ORDER BY a.started_at, a.id
            """);
        cmd.Parameters.AddWithValue("closed_since", closedSince);
        return await ReadAsync(cmd, ct);
    }

    private static async Task<IReadOnlyList<AlertRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<AlertRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new AlertRecord(
                r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetDateTime(7), r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetDateTime(9),
                r.GetString(10), r.GetDateTime(11), r.GetInt32(12), r.GetDateTime(13)));
        }
        return list;
    }
}
