using Npgsql;

namespace CareWatch.Storage;

/// <summary>One stored minute of a senior's watch.</summary>
public readonly record struct StoredMinute(DateTime Start, int Movement, bool Worn);

/// <summary>Reads a senior's stored minutes, so a monitor can rebuild its state after a restart.</summary>
public sealed class ActivityHistory(NpgsqlDataSource dataSource)
{
    /// <summary>The senior's minutes from <paramref name="since"/> on, oldest first.</summary>
    public async Task<IReadOnlyList<StoredMinute>> MinutesSinceAsync(Guid seniorId, DateTime since, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT minute, movement, worn FROM minute_activity
            WHERE senior_id = @senior AND minute >= @since
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
        await using var cmd = dataSource.CreateCommand("""
            SELECT a.senior_id, s.time_zone, a.minute, a.movement, a.worn
            FROM minute_activity a JOIN seniors s ON s.id = a.senior_id
            WHERE a.minute >= @since
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
