using Npgsql;

namespace CareWatch.Storage;

/// <summary>A watch as the registry shows it: identity, last telemetry and reported firmware.</summary>
/// <param name="DeviceId">The watch id.</param>
/// <param name="SeniorId">The senior wearing it, if assigned.</param>
/// <param name="Enabled">False when the watch is refused at connect.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="LastSeenAt">When its newest stored message arrived (UTC).</param>
/// <param name="Battery">Battery percent from its newest message.</param>
/// <param name="Charging">On the charger, from its newest message.</param>
/// <param name="Worn">Skin contact in its newest stored minute.</param>
/// <param name="LastMinuteAt">Start of that minute (UTC): how far its stored history goes, so a watch that
/// reconnects (or a simulator rerun) can upload only the minutes after it.</param>
/// <param name="FirmwareVersion">The twin's reported <c>firmwareVersion</c>.</param>
/// <param name="LastConnectedAt">Start of its latest connection (UTC).</param>
/// <param name="LastDisconnectedAt">End of its latest finished connection (UTC).</param>
/// <param name="ClockErrorSeconds">How far its clock was off (+ ahead) when it last said when it sent a message.</param>
public sealed record DeviceStatusRecord(
    string DeviceId, Guid? SeniorId, bool Enabled, DateTime CreatedAt, DateTime? LastSeenAt, int? Battery, bool? Charging,
    bool? Worn, DateTime? LastMinuteAt, string? FirmwareVersion, DateTime? LastConnectedAt, DateTime? LastDisconnectedAt,
    int? ClockErrorSeconds);

/// <summary>Reads the registry's per-watch status in one query.</summary>
public sealed class DeviceStatusReader(NpgsqlDataSource dataSource)
{
    // The latest minute comes from the newest day row of minute_days (its key starts with device_id, day) and that
    // row's last_minute: one index probe per watch, no array unpacked.
    private const string Select = """
        SELECT d.device_id, d.senior_id, d.enabled, d.created_at, d.last_seen_at, d.battery, d.charging,
               m.worn, m.minute, t.reported ->> 'firmwareVersion', d.last_connected_at, d.last_disconnected_at,
               d.clock_error_seconds
        FROM devices d
        LEFT JOIN LATERAL (SELECT get_bit(a.worn, a.last_minute) = 1 AS worn,
                                  a.day + a.last_minute * interval '1 minute' AS minute
                           FROM minute_days a WHERE a.device_id = d.device_id
                           ORDER BY a.day DESC, a.last_minute DESC LIMIT 1) m ON true
        LEFT JOIN device_twins t ON t.device_id = d.device_id
        """;

    /// <summary>One watch of the scope, or null (also when it exists in another bureau).</summary>
    public async Task<DeviceStatusRecord?> FindAsync(TenantScope scope, string deviceId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            Select + $" WHERE d.device_id = @id AND {TenantScope.DeviceCondition("d")}");
        cmd.Parameters.AddWithValue("id", deviceId);
        scope.AddParameters(cmd);
        var list = await ReadAsync(cmd, ct);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>The scope's watches (worn or not), or those of one senior, by id.</summary>
    public async Task<IReadOnlyList<DeviceStatusRecord>> ListAsync(TenantScope scope, Guid? seniorId,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Select + $"""
             WHERE {TenantScope.DeviceCondition("d")} AND (@senior::uuid IS NULL OR d.senior_id = @senior)
             ORDER BY d.device_id
            """);
        scope.AddParameters(cmd);
        cmd.Parameters.Add(new NpgsqlParameter("senior", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)seniorId ?? DBNull.Value });
        return await ReadAsync(cmd, ct);
    }

    private static async Task<List<DeviceStatusRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<DeviceStatusRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new DeviceStatusRecord(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetBoolean(2), r.GetDateTime(3),
                r.IsDBNull(4) ? null : r.GetDateTime(4), r.IsDBNull(5) ? null : r.GetInt16(5), r.IsDBNull(6) ? null : r.GetBoolean(6),
                r.IsDBNull(7) ? null : r.GetBoolean(7), r.IsDBNull(8) ? null : r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.IsDBNull(10) ? null : r.GetDateTime(10), r.IsDBNull(11) ? null : r.GetDateTime(11),
                r.IsDBNull(12) ? null : r.GetInt32(12)));
        }
        return list;
    }
}
