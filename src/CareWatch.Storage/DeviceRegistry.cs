using CareWatch.Protocol;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>What the gateway needs to know to let a watch in.</summary>
/// <param name="DeviceId">The watch's id (also its MQTT client id).</param>
/// <param name="SeniorId">The senior wearing it, or null when unassigned.</param>
/// <param name="PrimaryKey">Base64 symmetric key.</param>
/// <param name="SecondaryKey">Base64 symmetric key; both are valid, so keys can be rotated without downtime.</param>
/// <param name="Enabled">A disabled watch is refused.</param>
public sealed record DeviceCredentials(string DeviceId, Guid? SeniorId, string PrimaryKey, string SecondaryKey, bool Enabled);

/// <summary>A watch's identity without its keys: what the IoT Hub ingestion needs, with nothing to decrypt.</summary>
/// <param name="DeviceId">The watch's id.</param>
/// <param name="SeniorId">The senior wearing it, or null when unassigned.</param>
/// <param name="Enabled">A disabled watch is refused.</param>
public sealed record DeviceIdentity(string DeviceId, Guid? SeniorId, bool Enabled);

/// <summary>Which of a watch's two keys.</summary>
public enum DeviceKey
{
    /// <summary>The key in the connection string handed out at creation.</summary>
    Primary,
    /// <summary>The standby key.</summary>
    Secondary,
}

/// <summary>
/// Watch identities in PostgreSQL. Write methods return false (or null) when the watch does not exist,
/// so callers can answer 404 without a second query. Keys are stored only in their protected form
/// (<see cref="IDeviceKeyProtector"/>): encrypted when created or regenerated, decrypted when read.
/// </summary>
public sealed class DeviceRegistry(NpgsqlDataSource dataSource, TimeProvider time, IDeviceKeyProtector keys)
{
    /// <summary>Creates a watch bound to a senior with fresh keys. Throws <see cref="PostgresException"/> on a duplicate id.</summary>
    public async Task<DeviceCredentials> CreateAsync(string deviceId, Guid? seniorId, CancellationToken ct = default)
    {
        var device = new DeviceCredentials(deviceId, seniorId, DeviceConnectionString.NewKey(), DeviceConnectionString.NewKey(), true);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO devices (device_id, senior_id, primary_key_protected, secondary_key_protected, enabled, created_at)
            VALUES (@id, @senior, @pk, @sk, true, @now)
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        cmd.Parameters.AddWithValue("senior", (object?)seniorId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("pk", keys.Protect(device.PrimaryKey));
        cmd.Parameters.AddWithValue("sk", keys.Protect(device.SecondaryKey));
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
        return device;
    }

    /// <summary>
    /// The watch's credentials with its keys decrypted, or null when no such watch exists. Throws when a key
    /// cannot be decrypted (its Data Protection key is missing from the ring) or is not encrypted yet (the start-up
    /// step <see cref="PlainDeviceKeyEncryption"/> has not reached the row): the gateway then answers "server
    /// unavailable" and the watch retries, rather than being told its key is wrong.
    /// </summary>
    public async Task<DeviceCredentials?> FindAsync(string deviceId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT device_id, senior_id, primary_key_protected, secondary_key_protected, enabled
            FROM devices WHERE device_id = @id
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DeviceCredentials(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetGuid(1),
            keys.Unprotect(reader.GetString(2)),
            keys.Unprotect(reader.GetString(3)),
            reader.GetBoolean(4));
    }

    /// <summary>The watch's identity without its keys, or null when no such watch exists.</summary>
    public async Task<DeviceIdentity?> FindIdentityAsync(string deviceId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT device_id, senior_id, enabled FROM devices WHERE device_id = @id
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DeviceIdentity(
            reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetBoolean(2));
    }

    /// <summary>Enables or disables a watch; a disabled watch is refused at connect.</summary>
    public Task<bool> SetEnabledAsync(string deviceId, bool enabled, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE devices SET enabled = @v WHERE device_id = @id", deviceId, ("v", enabled), ct);

    /// <summary>Binds the watch to another senior (or to none). The senior must exist (foreign key).</summary>
    public Task<bool> AssignAsync(string deviceId, Guid? seniorId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE devices SET senior_id = @v WHERE device_id = @id", deviceId, ("v", (object?)seniorId ?? DBNull.Value), ct);

    /// <summary>
    /// Deletes the identity and its twin. Telemetry stays: it belongs to the senior's history, not to
    /// the piece of hardware.
    /// </summary>
    public Task<bool> DeleteAsync(string deviceId, CancellationToken ct = default) =>
        ExecuteAsync("DELETE FROM devices WHERE device_id = @id", deviceId, ("v", 0), ct);

    /// <summary>
    /// Replaces one key with a fresh one and returns the new credentials. The other key is untouched,
    /// so a watch using it keeps connecting while the new key is rolled out.
    /// </summary>
    public async Task<DeviceCredentials?> RegenerateKeyAsync(string deviceId, DeviceKey which, CancellationToken ct = default)
    {
        var column = which == DeviceKey.Primary ? "primary_key" : "secondary_key";
        // The plain column too: a row the start-up step has not reached yet must not keep the old key there.
        await using (var cmd = dataSource.CreateCommand(
            $"UPDATE devices SET {column}_protected = @k, {column} = NULL WHERE device_id = @id"))
        {
            cmd.Parameters.AddWithValue("id", deviceId);
            cmd.Parameters.AddWithValue("k", keys.Protect(DeviceConnectionString.NewKey()));
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return null;
        }
        return await FindAsync(deviceId, ct);
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
}
