using CareWatch.Protocol;
using CareWatch.Storage.Bureaus;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// Alert rows in PostgreSQL, the source of truth for the alert lifecycle. The board's listing takes the caller's
/// <see cref="TenantScope"/>; the other methods are the monitors' and the check-in sweep's (system use, keyed by a
/// senior or alert id that comes from the system itself, never from a request). Rows are written by
/// <see cref="Alerts.AlertTransitions"/> only.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
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
    public async Task<IReadOnlyList<UnalertedEvent>> UnalertedEventsAsync(Guid seniorId, IReadOnlyList<string> kinds,
        DateTime since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT e.at, e.kind, e.trace_id, e.span_id FROM device_events e
            WHERE e.senior_id = @senior AND e.kind = ANY(@kinds) AND e.at >= @since
              AND NOT EXISTS (SELECT 1 FROM alerts a
                              WHERE a.senior_id = e.senior_id AND a.kind = e.kind
                                AND (a.raised_at >= e.at OR a.closed_at IS NULL OR a.closed_at >= e.at))
            ORDER BY e.at
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kinds", kinds.ToArray());
        cmd.Parameters.AddWithValue("since", since);
        var list = new List<UnalertedEvent>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new UnalertedEvent(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetString(1),
                StoredTrace.Read(r, 2)));
        return list;
    }

    /// <summary>
    /// When the senior pressed OK on any of her watches since <paramref name="since"/>, oldest first. An OK is
    /// movement: her monitor feeds those minutes to the detector as moving, also when it replays the window.
    /// </summary>
    public async Task<IReadOnlyList<DateTime>> OkPressesAsync(Guid seniorId, DateTime since,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT DISTINCT e.at FROM device_events e
            WHERE e.senior_id = @senior AND e.kind = @ok AND e.at >= @since
            ORDER BY e.at
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        // The kind as TelemetryWriter stores it.
        cmd.Parameters.AddWithValue("ok", DeviceEventKind.Ok.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("since", since);
        var list = new List<DateTime>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc));
        return list;
    }

    /// <summary>One alert by id.</summary>
    public async Task<AlertRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(AlertRecord.Select + " WHERE a.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>The senior's active alerts (checking, open, acknowledged) of the given kinds, for their monitor.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListActiveAsync(Guid seniorId, IReadOnlyList<string> kinds,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(AlertRecord.Select + """
             WHERE a.senior_id = @senior AND a.kind = ANY(@kinds) AND a.status IN ('checking', 'open', 'acknowledged')
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kinds", kinds.ToArray());
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// Check-ins whose prompt gave up (<c>checking</c>, <c>prompt_deadline &lt;= now</c>), oldest first, with their
    /// bureau's settings: for the check-in sweep of any node (system use). Not locked: the sweep changes each through
    /// a version-guarded transition, so two nodes that read the same row change it once.
    /// </summary>
    public async Task<IReadOnlyList<(AlertRecord Alert, CheckInSettings Settings)>> DueCheckInsForSystemAsync(
        DateTime now, int limit, CancellationToken ct = default)
    {
        var select = AlertRecord.Select.Replace("FROM alerts a",
            ", b.checkin_window_seconds, b.second_prompt, b.low_battery_percent\n    FROM alerts a", StringComparison.Ordinal);
        await using var cmd = dataSource.CreateCommand(select + """
             JOIN bureaus b ON b.id = s.bureau_id
             WHERE a.status = 'checking' AND a.prompt_deadline <= @now
             ORDER BY a.prompt_deadline LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("limit", limit);
        var list = new List<(AlertRecord, CheckInSettings)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((AlertRecord.Read(r), CheckInSettingsStore.Read(r, r.FieldCount - 3)));
        return list;
    }

    /// <summary>
    /// What the scope's board shows: active alerts (checking, open, acknowledged), and alerts closed at or after <paramref name="closedSince"/> (so a
    /// card saying "movement resumed" survives a reload), longest waiting first.
    /// </summary>
    public async Task<IReadOnlyList<AlertRecord>> ListOpenOrClosedSinceAsync(TenantScope scope, DateTime closedSince,
        CancellationToken ct = default)
    {
        // The status test on the closed side lets PostgreSQL use alerts_recently_closed (its predicate, as literals).
        await using var cmd = dataSource.CreateCommand(AlertRecord.Select + $"""
             WHERE (a.status IN ('checking', 'open', 'acknowledged')
                    OR (a.status IN ('resolved', 'cancelled') AND a.closed_at >= @closed_since))
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
