using Npgsql;

namespace CareWatch.Storage;

/// <summary>The watches a senior wears, for the monitor that prompts them (system use, keyed by the senior's id).</summary>
public sealed class SeniorWatches(NpgsqlDataSource dataSource)
{
    /// <summary>The enabled watches assigned to the senior, most recently seen first.</summary>
    public async Task<IReadOnlyList<string>> DeviceIdsForSystemAsync(Guid seniorId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT device_id FROM devices WHERE senior_id = @senior AND enabled
            ORDER BY last_seen_at DESC NULLS LAST, device_id
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        var ids = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>The language the senior's watch asks in (seniors.language: en, de or zh); English when not found.</summary>
    public async Task<string> LanguageForSystemAsync(Guid seniorId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT language FROM seniors WHERE id = @senior");
        cmd.Parameters.AddWithValue("senior", seniorId);
        return await cmd.ExecuteScalarAsync(ct) as string ?? "en";
    }
}
