using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>The two halves of a device twin.</summary>
public enum TwinSide
{
    /// <summary>Set by the service, pushed to the watch.</summary>
    Desired,
    /// <summary>Set by the watch (battery, firmware version, settings in force).</summary>
    Reported,
}

/// <summary>A device twin's properties; each half carries its own version.</summary>
public sealed record DeviceTwin(JsonObject Desired, long DesiredVersion, JsonObject Reported, long ReportedVersion)
{
    /// <summary>The twin as IoT Hub sends it to a device: <c>{"desired":{…,"$version":n},"reported":{…,"$version":m}}</c>.</summary>
    public JsonObject ToIotHubJson() => new()
    {
        ["desired"] = WithVersion(Desired, DesiredVersion),
        ["reported"] = WithVersion(Reported, ReportedVersion),
    };

    private static JsonObject WithVersion(JsonObject properties, long version)
    {
        var copy = (JsonObject)properties.DeepClone();
        copy["$version"] = version;
        return copy;
    }
}

/// <summary>Device twins in PostgreSQL (<c>device_twins</c>), patched with JSON merge-patch semantics.</summary>
public sealed class DeviceTwinStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// The twin of one of the scope's watches (empty halves at version 1 when never patched), or null when the scope
    /// has no such watch.
    /// </summary>
    public Task<DeviceTwin?> GetAsync(TenantScope scope, string deviceId, CancellationToken ct = default) =>
        GetCoreAsync(scope, deviceId, ct);

    /// <summary>The twin a connected watch asks for (its own, by the id it authenticated with). System use.</summary>
    public Task<DeviceTwin?> GetForDeviceAsync(string deviceId, CancellationToken ct = default) =>
        GetCoreAsync(null, deviceId, ct);

    /// <summary>
    /// Merges a desired-property patch into one of the scope's watches' twin (see <see cref="PatchReportedAsync"/>
    /// for the semantics); null when the scope has no such watch.
    /// </summary>
    public Task<long?> PatchDesiredAsync(TenantScope scope, string deviceId, JsonObject patch, CancellationToken ct = default) =>
        PatchAsync(scope, deviceId, TwinSide.Desired, patch, ct);

    /// <summary>
    /// Merges a connected watch's reported-property patch (a null value removes a property, nested objects merge)
    /// and returns the new version, or null when the watch does not exist. Row-locked, so concurrent patches each
    /// get their own version. System use: the watch patches its own twin.
    /// </summary>
    public Task<long?> PatchReportedAsync(string deviceId, JsonObject patch, CancellationToken ct = default) =>
        PatchAsync(null, deviceId, TwinSide.Reported, patch, ct);

    private async Task<DeviceTwin?> GetCoreAsync(TenantScope? scope, string deviceId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT t.desired::text, t.desired_version, t.reported::text, t.reported_version
            FROM devices d LEFT JOIN device_twins t ON t.device_id = d.device_id WHERE d.device_id = @id AND {Condition(scope)}
            """);
        cmd.Parameters.AddWithValue("id", deviceId);
        scope?.AddParameters(cmd);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        if (r.IsDBNull(0)) return new DeviceTwin([], 1, [], 1);
        return new DeviceTwin(Parse(r.GetString(0)), r.GetInt64(1), Parse(r.GetString(2)), r.GetInt64(3));
    }

    // A null scope is the watch itself (system use); a scope sees only its watches.
    private async Task<long?> PatchAsync(TenantScope? scope, string deviceId, TwinSide side, JsonObject patch,
        CancellationToken ct)
    {
        var (doc, version) = side == TwinSide.Desired ? ("desired", "desired_version") : ("reported", "reported_version");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var ensure = new NpgsqlCommand($"""
            INSERT INTO device_twins (device_id, updated_at)
            SELECT d.device_id, @now FROM devices d WHERE d.device_id = @id AND {Condition(scope)}
            ON CONFLICT DO NOTHING
            """, connection, tx))
        {
            ensure.Parameters.AddWithValue("id", deviceId);
            scope?.AddParameters(ensure);
            ensure.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
            await ensure.ExecuteNonQueryAsync(ct);
        }
        JsonObject current;
        long currentVersion;
        await using (var select = new NpgsqlCommand($"""
            SELECT t.{doc}::text, t.{version} FROM device_twins t JOIN devices d ON d.device_id = t.device_id
            WHERE t.device_id = @id AND {Condition(scope)} FOR UPDATE OF t
            """, connection, tx))
        {
            select.Parameters.AddWithValue("id", deviceId);
            scope?.AddParameters(select);
            await using var r = await select.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            current = Parse(r.GetString(0));
            currentVersion = r.GetInt64(1);
        }
        JsonMergePatch.Apply(current, patch);
        await using (var update = new NpgsqlCommand(
            $"UPDATE device_twins SET {doc} = @doc, {version} = @v, updated_at = @now WHERE device_id = @id", connection, tx))
        {
            update.Parameters.AddWithValue("id", deviceId);
            update.Parameters.AddWithValue("doc", NpgsqlDbType.Jsonb, current.ToJsonString());
            update.Parameters.AddWithValue("v", currentVersion + 1);
            update.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return currentVersion + 1;
    }

    private static string Condition(TenantScope? scope) => scope is null ? "true" : TenantScope.DeviceCondition("d");

    private static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
