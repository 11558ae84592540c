using Npgsql;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// How many alerts are active per kind and state, over every bureau: an operator's figure for /metrics, never shown
/// to a tenant. The states come from <see cref="AlertStates.Active"/>, which the partial index alerts_one_active
/// covers, so the count reads only the active rows.
/// </summary>
public sealed class ActiveAlertCensus(NpgsqlDataSource dataSource)
{
    /// <summary>Counts per (kind, state); pairs with no alert are absent.</summary>
    public async Task<IReadOnlyList<(string Kind, string State, long Count)>> CountForSystemAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT kind, status, count(*) FROM alerts WHERE status = ANY(@active) GROUP BY kind, status
            """);
        cmd.Parameters.AddWithValue("active", AlertStates.Active.ToArray());
        var counts = new List<(string, string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return counts;
    }
}
