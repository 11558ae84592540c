using CareWatch.Storage.Alerts;
using Npgsql;

namespace CareWatch.Storage.Board;

/// <summary>
/// Reads the seniors board: every senior of a scope with her newest watch, her still period and her active alerts,
/// in one statement (no query per senior: a bureau of 2,000 answers in one round trip).
/// </summary>
public sealed class SeniorStateReader(NpgsqlDataSource dataSource)
{
    // Each lateral is one index probe per senior: devices_senior, minute_days's (device_id, day, senior_id) key read
    // backwards (the newest day row's last_minute), and alerts_one_active (senior_id, kind) for the active alerts.
    private const string Select = """
        SELECT s.id, s.bureau_id, s.display_name, s.time_zone, b.low_battery_percent,
               coalesce(d.watches, 0), d.device_id, d.last_seen_at, d.battery, d.charging, m.worn,
               d.last_connected_at, d.last_disconnected_at, st.still_since, st.last_minute,
               a.id, a.kind, a.status, a.severity, a.started_at, coalesce(k.kinds, '{}')
        FROM seniors s
        JOIN bureaus b ON b.id = s.bureau_id
        LEFT JOIN LATERAL (
            SELECT x.device_id, x.last_seen_at, x.battery, x.charging, x.last_connected_at, x.last_disconnected_at,
                   count(*) OVER ()::int AS watches
            FROM devices x WHERE x.senior_id = s.id AND x.enabled
            ORDER BY x.last_seen_at DESC NULLS LAST, x.device_id LIMIT 1) d ON true
        LEFT JOIN LATERAL (
            SELECT get_bit(ma.worn, ma.last_minute) = 1 AS worn FROM minute_days ma WHERE ma.device_id = d.device_id
            ORDER BY ma.day DESC, ma.last_minute DESC LIMIT 1) m ON true
        LEFT JOIN senior_still st ON st.senior_id = s.id
        LEFT JOIN LATERAL (
            SELECT x.id, x.kind, x.status, x.severity, x.started_at FROM alerts x
            WHERE x.senior_id = s.id AND x.status = ANY(@active)
            ORDER BY x.severity DESC, x.status = @checking, x.started_at, x.id LIMIT 1) a ON true
        LEFT JOIN LATERAL (
            SELECT array_agg(x.kind ORDER BY x.kind) AS kinds FROM alerts x
            WHERE x.senior_id = s.id AND x.status = ANY(@active)) k ON true
        """;

    /// <summary>The scope's seniors, by name.</summary>
    public async Task<IReadOnlyList<SeniorStateRecord>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Select + $"""

             WHERE {TenantScope.SeniorCondition("s")} ORDER BY s.display_name, s.id
            """);
        scope.AddParameters(cmd);
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// The seniors named, and those wearing the watches named, in whichever bureau. System use only (the board's
    /// live feed, keyed by the seniors of stored batches, changed alerts and watches that connected or left); an API
    /// handler uses <see cref="ListAsync"/> with the caller's scope.
    /// </summary>
    public async Task<IReadOnlyList<SeniorStateRecord>> FindForSystemAsync(IReadOnlyCollection<Guid> seniorIds,
        IReadOnlyCollection<string> deviceIds, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Select + """

             WHERE s.id = ANY(@seniors)
                OR s.id IN (SELECT w.senior_id FROM devices w WHERE w.device_id = ANY(@devices))
            """);
        cmd.Parameters.AddWithValue("seniors", seniorIds.ToArray());
        cmd.Parameters.AddWithValue("devices", deviceIds.ToArray());
        return await ReadAsync(cmd, ct);
    }

    private static async Task<List<SeniorStateRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        cmd.Parameters.AddWithValue("active", AlertStates.Active.ToArray());
        cmd.Parameters.AddWithValue("checking", AlertStates.Checking);
        var list = new List<SeniorStateRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var alert = r.IsDBNull(15) ? null : new BoardAlert(r.GetInt64(15), r.GetString(16), r.GetString(17),
                (AlertSeverity)r.GetInt16(18), Utc(r.GetDateTime(19)));
            list.Add(new SeniorStateRecord(
                r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt16(4), r.GetInt32(5),
                Text(r, 6), Time(r, 7), r.IsDBNull(8) ? null : r.GetInt16(8), Flag(r, 9), Flag(r, 10),
                Time(r, 11), Time(r, 12), Time(r, 13), Time(r, 14), alert, r.GetFieldValue<string[]>(20)));
        }
        return list;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static bool? Flag(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);

    private static DateTime? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : Utc(r.GetDateTime(i));

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
