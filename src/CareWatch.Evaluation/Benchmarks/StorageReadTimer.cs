using System.Diagnostics;
using CareWatch.Storage;
using Npgsql;

namespace CareWatch.Evaluation.Benchmarks;

/// <summary>
/// Times the read of a senior's last 30 days as the monitor's rebuild and training do it, on the compact layout
/// (<see cref="ActivityHistory.MinutesSinceAsync"/>) and on the per-minute table it replaced (the query as it was).
/// </summary>
public static class StorageReadTimer
{
    // ActivityHistory.MinutesSinceAsync before migration 0024, on the copy StorageCohort makes.
    private const string Before = """
        SELECT minute,
               CASE WHEN bool_or(worn) THEN max(movement) FILTER (WHERE worn) ELSE max(movement) END AS movement,
               bool_or(worn) AS worn
        FROM minute_activity_before
        WHERE senior_id = @senior AND minute >= @since
        GROUP BY minute
        ORDER BY minute
        """;

    /// <summary>Median milliseconds of the compact read over the seniors, each read <paramref name="rounds"/> times.</summary>
    public static async Task<double> AfterAsync(NpgsqlDataSource dataSource,
        IEnumerable<(Guid Senior, DateTime First, DateTime End)> seniors, int rounds)
    {
        var history = new ActivityHistory(dataSource);
        return await MedianAsync(seniors, rounds, async s =>
            (await history.MinutesSinceAsync(s.Senior, s.End.AddDays(-30))).Count);
    }

    /// <summary>Median milliseconds of the per-minute read over the same seniors.</summary>
    public static async Task<double> BeforeAsync(NpgsqlDataSource dataSource,
        IEnumerable<(Guid Senior, DateTime First, DateTime End)> seniors, int rounds)
    {
        return await MedianAsync(seniors, rounds, async s =>
        {
            await using var cmd = dataSource.CreateCommand(Before);
            cmd.Parameters.AddWithValue("senior", s.Senior);
            cmd.Parameters.AddWithValue("since", s.End.AddDays(-30));
            var n = 0;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) { _ = new StoredMinute(r.GetDateTime(0), r.GetInt32(1), r.GetBoolean(2)); n++; }
            return n;
        });
    }

    // One untimed warm-up read per senior (caches, plans), then the timed rounds.
    private static async Task<double> MedianAsync(IEnumerable<(Guid Senior, DateTime First, DateTime End)> seniors,
        int rounds, Func<(Guid Senior, DateTime First, DateTime End), Task<int>> read)
    {
        var list = seniors.ToList();
        foreach (var s in list) await read(s);
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        foreach (var s in list)
        {
            var clock = Stopwatch.StartNew();
            if (await read(s) == 0) throw new InvalidOperationException($"no minutes read for senior {s.Senior}");
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
