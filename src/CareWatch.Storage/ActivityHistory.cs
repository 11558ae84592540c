using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// Reads seniors' stored minutes as one stream per senior (<see cref="StoredMinute.Combine"/>): for the monitor's
/// rebuild, training and the wellbeing review alike. They read the day rows of minute_days (migration 0024) and
/// decode them in <see cref="MinuteDayStream"/>.
/// </summary>
public sealed class ActivityHistory(NpgsqlDataSource dataSource)
{
    /// <summary>The senior's minutes from <paramref name="since"/> on, oldest first.</summary>
    public async Task<IReadOnlyList<StoredMinute>> MinutesSinceAsync(Guid seniorId, DateTime since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {MinuteDayStream.Columns}
            FROM minute_days d
            WHERE d.senior_id = @senior AND d.day > @since - interval '24 hours'
            ORDER BY d.day
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("since", Utc(since));
        var list = new List<StoredMinute>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await MinuteDayStream.ReadAsync(r, Utc(since), (_, m) => list.Add(m), ct);
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
            SELECT {MinuteDayStream.Columns}, s.time_zone
            FROM minute_days d JOIN seniors s ON s.id = d.senior_id
            WHERE d.day > @since - interval '24 hours'
            ORDER BY d.senior_id, d.day
            """);
        cmd.Parameters.AddWithValue("since", Utc(since));
        var zones = new Dictionary<Guid, string>();
        var result = new List<(Guid, string, List<StoredMinute>)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        List<StoredMinute>? current = null;
        Guid currentId = Guid.Empty;
        // The zone is read per row (column 5) before the stream decodes it; emit runs after the row is read.
        await MinuteDayStream.ReadAsync(r, Utc(since), (id, m) =>
        {
            if (current is null || id != currentId)
            {
                current = [];
                currentId = id;
                result.Add((id, zones[id], current));
            }
            current.Add(m);
        }, ct, row => zones[row.GetGuid(0)] = row.GetString(5));
        return result;
    }

    // Callers pass UTC instants, sometimes without the kind set; timestamptz parameters need it.
    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
