using CareWatch.Protocol;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>What the gateway needs to know to let a watch in.</summary>
/// <param name="DeviceId">The watch's id (also its MQTT client id).</param>
/// <param name="SeniorId">The senior wearing it, or null when unassigned.</param>
/// <param name="PrimaryKey">Base64 symmetric key.</param>
/// <param name="SecondaryKey">Base64 symmetric key; both are valid, so keys can be rotated without downtime.</param>
/// <param name="Enabled">A disabled watch is refused.</param>
public sealed record DeviceCredentials(string DeviceId, Guid? SeniorId, string PrimaryKey, string SecondaryKey, bool Enabled);

/// <summary>Which of a watch's two keys.</summary>
public enum DeviceKey
{
    /// <summary>The key in the connection string handed out at creation.</summary>
    Primary,
    /// <summary>The standby key.</summary>
    Secondary,
}

/// <summary>
/// Watch identities in PostgreSQL. Every watch belongs to a bureau (worn or not). The operations an API reaches take
/// the caller's <see cref="TenantScope"/> first and see only its watches, so a watch of another bureau looks exactly
/// like one that does not exist. Write methods return false (or null) then, so callers can answer 404 without a
/// second query. The gateway's lookups (by device id, before anyone has a scope) are named for it.
/// </summary>
public sealed class DeviceRegistry(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// Creates a watch of the scope's bureau with fresh keys, worn by <paramref name="seniorId"/> (who must be of that
    /// bureau) or unassigned. Null when the senior is not the bureau's. Throws <see cref="PostgresException"/> on a
    /// duplicate id (in any bureau: ids are global, like IoT Hub's within a hub).
    /// </summary>
    public async Task<DeviceCredentials?> CreateAsync(TenantScope scope, string deviceId, Guid? seniorId,
        CancellationToken ct = default)
    {
        var bureau = scope.BureauId ?? throw new ArgumentException("A watch is created in a bureau.", nameof(scope));
        var device = new DeviceCredentials(deviceId, seniorId, DeviceConnectionString.NewKey(), DeviceConnectionString.NewKey(), true);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO devices (device_id, bureau_id, senior_id, primary_key, secondary_key, enabled, created_at)
            SELECT @id, @bureau, @senior, @pk, @sk, true, @now
            WHERE @senior::uuid IS NULL OR EXISTS (SELECT 1 FROM seniors WHERE id = @senior AND bureau_id = @bureau)
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        cmd.Parameters.AddWithValue("bureau", bureau);
        cmd.Parameters.Add(new NpgsqlParameter("senior", NpgsqlDbType.Uuid)
        {
            Value = (object?)seniorId ?? DBNull.Value,
        });
        cmd.Parameters.AddWithValue("pk", device.PrimaryKey);
        cmd.Parameters.AddWithValue("sk", device.SecondaryKey);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        return await cmd.ExecuteNonQueryAsync(ct) > 0 ? device : null;
    }

    /// <summary>
    /// The watch's credentials by id alone, or null when no such watch exists. System use: the gateway authenticating
    /// a connection (it has no tenant yet). An API handler uses <see cref="ExistsAsync"/> or the scoped operations.
    /// </summary>
    public async Task<DeviceCredentials?> FindForGatewayAsync(string deviceId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT device_id, senior_id, primary_key, secondary_key, enabled FROM devices WHERE device_id = @id
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DeviceCredentials(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetGuid(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetBoolean(4));
    }

    /// <summary>Whether the scope has a watch by this id.</summary>
    public async Task<bool> ExistsAsync(TenantScope scope, string deviceId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT EXISTS (SELECT 1 FROM devices d WHERE d.device_id = @id AND {TenantScope.DeviceCondition("d")})");
        cmd.Parameters.AddWithValue("id", deviceId);
        scope.AddParameters(cmd);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Enables or disables one of the scope's watches; a disabled watch is refused at connect.</summary>
    public Task<bool> SetEnabledAsync(TenantScope scope, string deviceId, bool enabled,
        CancellationToken ct = default) =>
        ExecuteAsync(scope, "UPDATE devices d SET enabled = @v", deviceId, ("v", enabled), ct);

    /// <summary>
    /// Binds one of the scope's watches to another senior of its bureau (or to none). False when the watch is not the
    /// scope's or the senior is not of the watch's bureau.
    /// </summary>
    public Task<bool> AssignAsync(TenantScope scope, string deviceId, Guid? seniorId, CancellationToken ct = default) =>
        ExecuteAsync(scope, """
            UPDATE devices d SET senior_id = @v::uuid
            """, deviceId, ("v", (object?)seniorId ?? DBNull.Value), ct,
            " AND (@v::uuid IS NULL OR EXISTS (SELECT 1 FROM seniors s"
            + " WHERE s.id = @v::uuid AND s.bureau_id = d.bureau_id))");

    /// <summary>
    /// Deletes one of the scope's watches and its twin. Telemetry stays: it belongs to the senior's history, not to
    /// the piece of hardware.
    /// </summary>
    public Task<bool> DeleteAsync(TenantScope scope, string deviceId, CancellationToken ct = default) =>
        ExecuteAsync(scope, "DELETE FROM devices d", deviceId, ("v", 0), ct);

    /// <summary>
    /// Replaces one key of one of the scope's watches with a fresh one and returns the new credentials. The other key
    /// is untouched, so a watch using it keeps connecting while the new key is rolled out.
    /// </summary>
    public async Task<DeviceCredentials?> RegenerateKeyAsync(TenantScope scope, string deviceId, DeviceKey which,
        CancellationToken ct = default)
    {
        var column = which == DeviceKey.Primary ? "primary_key" : "secondary_key";
        var key = DeviceConnectionString.NewKey();
        if (!await ExecuteAsync(scope, $"UPDATE devices d SET {column} = @v", deviceId, ("v", key), ct))
            return null;
        return await FindForGatewayAsync(deviceId, ct);
    }

    /// <summary>Records a (re)connection; the time shows in the watch's status.</summary>
    public Task MarkConnectedAsync(string deviceId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE devices SET last_connected_at = @v WHERE device_id = @id", deviceId, ("v", time.GetUtcNow().UtcDateTime), ct);

    /// <summary>Records the end of a connection.</summary>
    public Task MarkDisconnectedAsync(string deviceId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE devices SET last_disconnected_at = @v WHERE device_id = @id", deviceId, ("v", time.GetUtcNow().UtcDateTime), ct);

    private async Task<bool> ExecuteAsync(string sql, string deviceId, (string Name, object Value) value, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue("id", deviceId);
        cmd.Parameters.AddWithValue(value.Name, value.Value);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    // sql is "UPDATE devices d SET …" or "DELETE FROM devices d"; the scope's condition is appended to its WHERE.
    private async Task<bool> ExecuteAsync(TenantScope scope, string sql, string deviceId,
        (string Name, object Value) value, CancellationToken ct, string extraCondition = "")
    {
        await using var cmd = dataSource.CreateCommand(
            $"{sql} WHERE d.device_id = @id AND {TenantScope.DeviceCondition("d")}{extraCondition}");
        cmd.Parameters.AddWithValue("id", deviceId);
        cmd.Parameters.AddWithValue(value.Name, value.Value);
        scope.AddParameters(cmd);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }
}
