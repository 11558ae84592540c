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
}
