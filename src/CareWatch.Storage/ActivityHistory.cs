using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// Reads seniors' stored minutes as one stream per senior (<see cref="StoredMinute.Combine"/>): for the monitor's
/// rebuild, training and the wellbeing review alike. They read the minute_activity view (migration 0024) bounded by
/// its day column as well, so only the day rows of the period are unpacked.
/// </summary>
public sealed class ActivityHistory(NpgsqlDataSource dataSource)
{
    // StoredMinute.Combine in SQL: the worn readings of a minute if there are any, else all of them; the larger movement.
    private const string OneMinutePerMinute = """
        CASE WHEN bool_or(worn) THEN max(movement) FILTER (WHERE worn) ELSE max(movement) END AS movement,
        bool_or(worn) AS worn
        """;

    /// <summary>The senior's minutes from <paramref name="since"/> on, oldest first.</summary>
    public async Task<IReadOnlyList<StoredMinute>> MinutesSinceAsync(Guid seniorId, DateTime since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT minute, {OneMinutePerMinute}
            FROM minute_activity
            WHERE senior_id = @senior AND day > @since - interval '24 hours' AND minute >= @since
            GROUP BY minute
            ORDER BY minute
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("since", since);
        var list = new List<StoredMinute>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new StoredMinute(r.GetDateTime(0), r.GetInt32(1), r.GetBoolean(2)));
        return list;
    }

    /// <summary>
    /// Every senior's minutes from <paramref name="since"/> on, grouped per senior with their time zone, for
    /// model training. Streams the rows so memory holds only the result.
    /// </summary>
    public async Task<IReadOnlyList<(Guid SeniorId, string TimeZone, List<StoredMinute> Minutes)>> AllSinceAsync(
        DateTime since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT a.senior_id, s.time_zone, a.minute, a.movement, a.worn
            FROM (
                SELECT senior_id, minute, {OneMinutePerMinute}
                FROM minute_activity
                WHERE day > @since - interval '24 hours' AND minute >= @since AND senior_id IS NOT NULL
                GROUP BY senior_id, minute
            ) a JOIN seniors s ON s.id = a.senior_id
            ORDER BY a.senior_id, a.minute
            """);
        cmd.Parameters.AddWithValue("since", since);
        var result = new List<(Guid, string, List<StoredMinute>)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        List<StoredMinute>? current = null;
        Guid currentId = Guid.Empty;
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            if (current is null || id != currentId)
            {
                current = [];
                currentId = id;
                result.Add((id, r.GetString(1), current));
            }
            current.Add(new StoredMinute(r.GetDateTime(2), r.GetInt32(3), r.GetBoolean(4)));
        }
        return result;
    }
}
