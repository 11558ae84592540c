using Npgsql;

namespace CareWatch.Storage.Seniors;

/// <summary>
/// Seniors as a bureau's supervisors create and edit them (their name, time zone and language) and list them with
/// their watches. <see cref="SeniorDirectory"/> stays the lean read the monitors and the board use.
/// </summary>
public sealed class SeniorProfileStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // The watches as one array per senior, so a list of 2,000 seniors is one query.
    private const string Select = """
        SELECT s.id, s.bureau_id, s.display_name, s.time_zone, s.language,
               coalesce((SELECT array_agg(d.device_id ORDER BY d.device_id) FROM devices d WHERE d.senior_id = s.id),
                        '{}'::text[])
        FROM seniors s
        """;

    /// <summary>Adds a senior to the scope's bureau; the input must be valid (<see cref="SeniorInput.Validate"/>).</summary>
    public async Task<SeniorProfile> CreateAsync(TenantScope scope, SeniorInput input, CancellationToken ct = default)
    {
        var bureau = scope.BureauId ?? throw new ArgumentException("Seniors are added to a bureau.", nameof(scope));
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO seniors (id, bureau_id, display_name, time_zone, language, created_at)
            VALUES (@id, @bureau, @name, @tz, @language, @now)
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("bureau", bureau);
        AddInput(cmd, input);
        cmd.Parameters.AddWithValue("now", now.UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
        return new SeniorProfile(id, bureau, input.Name, input.TimeZone!, input.Language!, []);
    }

    /// <summary>Replaces a senior's name, time zone and language; null when the scope has no senior by that id.</summary>
    public async Task<SeniorProfile?> UpdateAsync(TenantScope scope, Guid id, SeniorInput input, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE seniors s SET display_name = @name, time_zone = @tz, language = @language
            WHERE s.id = @id AND {TenantScope.SeniorCondition("s")}
            """);
        cmd.Parameters.AddWithValue("id", id);
        AddInput(cmd, input);
        scope.AddParameters(cmd);
        return await cmd.ExecuteNonQueryAsync(ct) == 1 ? await FindAsync(scope, id, ct) : null;
    }

    /// <summary>The scope's seniors by name.</summary>
    public async Task<IReadOnlyList<SeniorProfile>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            {Select} WHERE {TenantScope.SeniorCondition("s")} ORDER BY s.display_name, s.id
            """);
        scope.AddParameters(cmd);
        return await ReadAsync(cmd, ct);
    }

    /// <summary>One senior of the scope, or null (also when they exist in another bureau).</summary>
    public async Task<SeniorProfile?> FindAsync(TenantScope scope, Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            {Select} WHERE s.id = @id AND {TenantScope.SeniorCondition("s")}
            """);
        cmd.Parameters.AddWithValue("id", id);
        scope.AddParameters(cmd);
        return (await ReadAsync(cmd, ct)) is [var one] ? one : null;
    }

    /// <summary>The time zone of the scope's bureau (a new senior's default: most live near their bureau).</summary>
    public async Task<string?> BureauTimeZoneAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT time_zone FROM bureaus WHERE id = @scope_bureau");
        scope.AddParameters(cmd);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    private static void AddInput(NpgsqlCommand cmd, SeniorInput input)
    {
        cmd.Parameters.AddWithValue("name", input.Name);
        cmd.Parameters.AddWithValue("tz", input.TimeZone!);
        cmd.Parameters.AddWithValue("language", input.Language!);
    }

    private static async Task<List<SeniorProfile>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<SeniorProfile>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new SeniorProfile(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<string[]>(5)));
        }
        return list;
    }
}
