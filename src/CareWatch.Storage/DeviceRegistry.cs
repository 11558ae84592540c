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

/// <summary>Watch identities in PostgreSQL.</summary>
public sealed class DeviceRegistry(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Creates a watch bound to a senior with fresh keys. Throws <see cref="PostgresException"/> on a duplicate id.</summary>
    public async Task<DeviceCredentials> CreateAsync(string deviceId, Guid? seniorId, CancellationToken ct = default)
    {
        var device = new DeviceCredentials(deviceId, seniorId, DeviceConnectionString.NewKey(), DeviceConnectionString.NewKey(), true);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO devices (device_id, senior_id, primary_key, secondary_key, enabled, created_at)
            VALUES (@id, @senior, @pk, @sk, true, @now)
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        cmd.Parameters.AddWithValue("senior", (object?)seniorId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("pk", device.PrimaryKey);
        cmd.Parameters.AddWithValue("sk", device.SecondaryKey);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
        return device;
    }

    /// <summary>The watch's credentials, or null when no such watch exists.</summary>
    public async Task<DeviceCredentials?> FindAsync(string deviceId, CancellationToken ct = default)
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
}
