using Npgsql;

namespace CareWatch.Storage;

/// <summary>A senior in a bureau's care.</summary>
public sealed record SeniorRecord(Guid Id, Guid BureauId, string DisplayName, string TimeZone);

/// <summary>A neighbourhood bureau.</summary>
public sealed record BureauRecord(Guid Id, string Name, string TimeZone);

/// <summary>Bureaus and seniors in PostgreSQL.</summary>
public sealed class SeniorDirectory(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Adds a bureau.</summary>
    public async Task<BureauRecord> AddBureauAsync(string name, string timeZone, CancellationToken ct = default)
    {
        var bureau = new BureauRecord(Guid.CreateVersion7(time.GetUtcNow()), name, timeZone);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO bureaus (id, name, time_zone, created_at) VALUES (@id, @name, @tz, @now)
            """);
        cmd.Parameters.AddWithValue("id", bureau.Id);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("tz", timeZone);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
        return bureau;
    }

    /// <summary>Adds a senior to a bureau.</summary>
    public async Task<SeniorRecord> AddSeniorAsync(Guid bureauId, string displayName, string timeZone, CancellationToken ct = default)
    {
        var senior = new SeniorRecord(Guid.CreateVersion7(time.GetUtcNow()), bureauId, displayName, timeZone);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO seniors (id, bureau_id, display_name, time_zone, created_at) VALUES (@id, @bureau, @name, @tz, @now)
            """);
        cmd.Parameters.AddWithValue("id", senior.Id);
        cmd.Parameters.AddWithValue("bureau", bureauId);
        cmd.Parameters.AddWithValue("name", displayName);
        cmd.Parameters.AddWithValue("tz", timeZone);
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
        return senior;
    }

    /// <summary>The seniors in the scope, by name.</summary>
    public async Task<IReadOnlyList<SeniorRecord>> ListSeniorsAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT s.id, s.bureau_id, s.display_name, s.time_zone FROM seniors s
            WHERE {TenantScope.SeniorCondition("s")} ORDER BY s.display_name, s.id
            """);
        scope.AddParameters(cmd);
        var list = new List<SeniorRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new SeniorRecord(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3)));
        return list;
    }

    /// <summary>One senior of the scope, or null when there is none by that id in it (whether or not it exists elsewhere).</summary>
    public async Task<SeniorRecord?> FindSeniorAsync(TenantScope scope, Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT s.id, s.bureau_id, s.display_name, s.time_zone FROM seniors s
            WHERE s.id = @id AND {TenantScope.SeniorCondition("s")}
            """);
        cmd.Parameters.AddWithValue("id", id);
        scope.AddParameters(cmd);
        return await ReadOneAsync(cmd, ct);
    }

    /// <summary>
    /// One senior by id in whichever bureau, or null. System use only (the senior's monitor, which is keyed by the
    /// senior id); an API handler uses <see cref="FindSeniorAsync"/> with the caller's scope.
    /// </summary>
    public async Task<SeniorRecord?> FindSeniorForSystemAsync(Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, bureau_id, display_name, time_zone FROM seniors WHERE id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        return await ReadOneAsync(cmd, ct);
    }

    private static async Task<SeniorRecord?> ReadOneAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new SeniorRecord(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3)) : null;
    }

    /// <summary>The oldest bureau of this name, or null. System use (the demo seeder finds its bureau on a rerun).</summary>
    public async Task<BureauRecord?> FindBureauByNameForSystemAsync(string name, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, name, time_zone FROM bureaus WHERE name = @name ORDER BY created_at, id LIMIT 1
            """);
        cmd.Parameters.AddWithValue("name", name);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new BureauRecord(r.GetGuid(0), r.GetString(1), r.GetString(2)) : null;
    }

    /// <summary>How many bureaus exist (the demo seeds only an empty database).</summary>
    public async Task<long> CountBureausAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM bureaus");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
