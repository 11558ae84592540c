using Npgsql;

namespace CareWatch.Storage;

/// <summary>Finds seniors whose watches have all gone silent: the supervision sweep's query.</summary>
public sealed class SilentWatches(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Seniors with at least one enabled watch, none of which has been seen since <paramref name="silentSince"/>,
    /// and no open offline alert yet; with the last time any of their watches was seen.
    /// </summary>
    public async Task<IReadOnlyList<(Guid SeniorId, DateTime LastSeen)>> FindAsync(DateTime silentSince, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT d.senior_id, max(d.last_seen_at)
            FROM devices d
            WHERE d.senior_id IS NOT NULL AND d.enabled AND d.last_seen_at IS NOT NULL
            GROUP BY d.senior_id
            HAVING max(d.last_seen_at) < @since
               AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.senior_id = d.senior_id AND a.kind = 'offline' AND a.status = 'open')
            """);
        cmd.Parameters.AddWithValue("since", silentSince);
        var list = new List<(Guid, DateTime)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetGuid(0), r.GetDateTime(1)));
        return list;
    }
}
