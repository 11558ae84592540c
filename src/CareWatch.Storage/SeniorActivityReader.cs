using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// A senior's stored minutes as the senior page reads them: through the reader's <see cref="TenantScope"/>, one
/// minute per minute whatever the number of watches (<see cref="StoredMinute.Combine"/>, as
/// <see cref="ActivityHistory"/> applies it for the monitor), so the chart shows what the detector judged.
/// </summary>
public sealed class SeniorActivityReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The senior's minutes in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first; null when the
    /// senior is not in the scope (whether or not they exist elsewhere).
    /// </summary>
    public async Task<IReadOnlyList<StoredMinute>?> MinutesAsync(TenantScope scope, Guid seniorId, DateTime fromUtc,
        DateTime toUtc, CancellationToken ct = default)
    {
        // The LEFT JOIN keeps one row for a senior in scope without minutes, which tells "none" from "not yours".
        await using var cmd = dataSource.CreateCommand($"""
            SELECT a.minute,
                   CASE WHEN bool_or(a.worn) THEN max(a.movement) FILTER (WHERE a.worn) ELSE max(a.movement) END,
                   bool_or(a.worn)
            FROM seniors s
            LEFT JOIN minute_activity a ON a.senior_id = s.id AND a.day > @from - interval '24 hours' AND a.day < @to
                                       AND a.minute >= @from AND a.minute < @to
            WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")}
            GROUP BY a.minute
            ORDER BY a.minute
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("from", DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));
        cmd.Parameters.AddWithValue("to", DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
        scope.AddParameters(cmd);
        var list = new List<StoredMinute>();
        var found = false;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            found = true;
            if (r.IsDBNull(0)) continue;
            var start = DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc);
            list.Add(new StoredMinute(start, r.GetInt32(1), r.GetBoolean(2)));
        }
        return found ? list : null;
    }
}
