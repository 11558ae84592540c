using CareWatch.Evaluation.Data;
using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;
using CareWatch.Storage;
using Npgsql;

namespace CareWatch.Evaluation.Benchmarks;

/// <summary>
/// Storage per senior-day and the 30-day read (issue 14, point 1), behind <c>ops/bench.sh storage</c>: a simulated
/// fleet and Depresjon, each in a database of its own, written through <see cref="TelemetryWriter"/>. The "before"
/// figures come from the same minutes copied into the per-minute table of migrations 0001/0019, for the first
/// <c>beforePeople</c> seniors (copying a whole fleet would dominate the run time). Rows to stdout, progress to stderr.
/// </summary>
public static class StorageBenchmark
{
    private const string Command = "ops/bench.sh storage";
    private const int ReadSample = 20, ReadRounds = 5;

    /// <summary>Runs the benchmark against the server of <paramref name="connectionString"/> (it creates databases).</summary>
    public static async Task<int> RunAsync(string connectionString, int people, int days, int beforePeople,
        string depresjon, int seed, TextWriter output, TextWriter log)
    {
        var fleet = await MeasureAsync(connectionString, "bench_storage_fleet", beforePeople, log,
            async cohort => await WriteFleetAsync(cohort, people, days, seed, log));
        var days30 = $"{people:N0} × {days} days";
        Rows(output, $"simulated fleet {days30}", fleet);
        var real = await MeasureAsync(connectionString, "bench_storage_depresjon", int.MaxValue, log,
            async cohort => await WriteDepresjonAsync(cohort, depresjon, log));
        Rows(output, "Depresjon (55 people, read in place)", real);
        return 0;
    }

    private sealed record Figures(double AfterKb, double BeforeKb, double AfterMs, double BeforeMs);

    private static void Rows(TextWriter output, string cohort, Figures f)
    {
        output.WriteLine($"| Storage per senior-day, {cohort} | ≤ 4 KB | {f.BeforeKb:0} KB before (issue 14: ~290 KB) | {f.AfterKb:0.0} KB | {Command} |");
        output.WriteLine($"| 30-day read of one senior (ActivityHistory, median ms), {cohort} | no slower than before | {f.BeforeMs:0.0} ms before | {f.AfterMs:0.0} ms | {Command} |");
    }

    private static async Task<Figures> MeasureAsync(string connectionString, string database, int beforePeople,
        TextWriter log, Func<StorageCohort, Task> fill)
    {
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {database}");
            await drop.ExecuteNonQueryAsync();
            await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
        await DatabaseMigrator.MigrateAsync(cs);
        // The server's own data source (its session settings included), so the bench writes and reads as the server does.
        await using var dataSource = CareWatchDataSource.Create(cs);
        var cohort = new StorageCohort(dataSource);
        await fill(cohort);
        await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE minute_days")) await vacuum.ExecuteNonQueryAsync();
        var seniorDays = cohort.Minutes / 1440.0;
        var after = await cohort.BytesAsync("minute_days") / seniorDays / 1024;
        var copied = Math.Min(beforePeople, cohort.Seniors.Count);
        log.WriteLine($"{database}: {cohort.Minutes:N0} minutes stored; copying {copied} seniors to the per-minute table");
        var copiedMinutes = await CountAsync(dataSource, cohort.Seniors.Take(copied).Select(s => s.Senior).ToArray());
        var before = await cohort.CopyToPerMinuteTableAsync(copied) / (copiedMinutes / 1440.0) / 1024;
        var sample = cohort.Seniors.Take(copied).Take(ReadSample).ToList();
        var beforeMs = await StorageReadTimer.BeforeAsync(dataSource, sample, ReadRounds);
        var afterMs = await StorageReadTimer.AfterAsync(dataSource, sample, ReadRounds);
        return new Figures(after, before, afterMs, beforeMs);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, Guid[] seniors)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT coalesce(sum(bit_count(present)), 0)::bigint FROM minute_days WHERE senior_id = ANY(@s)");
        cmd.Parameters.AddWithValue("s", seniors);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    // Whole UTC days from a fixed midnight, so a senior-day is one day row; the routine's own zone shapes the day.
    private static async Task WriteFleetAsync(StorageCohort cohort, int people, int days, int seed, TextWriter log)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTime(2024, 3, 11, 0, 0, 0, DateTimeKind.Utc);
        const int chunk = 20;
        for (var first = 0; first < people; first += chunk)
        {
            var n = Math.Min(chunk, people - first);
            var generated = new List<MinuteSummary>[n];
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var routine = new DailyRoutine(unchecked(seed * 1000 + first + i), zone);
                generated[i] = Enumerable.Range(0, days * 1440).Select(k => routine.Minute(start.AddMinutes(k))).ToList();
            });
            for (var i = 0; i < n; i++) await cohort.WriteAsync($"sim-{first + i + 1:0000}", generated[i]);
            if ((first / chunk) % 10 == 9) log.WriteLine($"fleet: {first + n} of {people} seniors written");
        }
    }

    // Depresjon has no wear flag: every minute is stored as worn (what a watch without a skin sensor would send).
    private static async Task WriteDepresjonAsync(StorageCohort cohort, string folder, TextWriter log)
    {
        var bad = new List<BadRow>();
        var recordings = CohortLoader.Load(folder, TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"), bad);
        foreach (var r in recordings)
        {
            var minutes = r.Minutes.Select(m => new MinuteSummary(
                DateTime.SpecifyKind(m.Utc, DateTimeKind.Utc), m.Activity, 0, true)).ToList();
            await cohort.WriteAsync(r.Id, minutes);
        }
        log.WriteLine($"depresjon: {recordings.Count} people, {bad.Count} rows skipped by the loader");
    }
}
