using CareWatch.Protocol;
using CareWatch.Storage;
using Npgsql;

namespace CareWatch.Evaluation.Benchmarks;

/// <summary>
/// Fills a CareWatch database with a cohort through the real <see cref="TelemetryWriter"/>, one message per watch and
/// UTC day (a day's replay, the largest batch the protocol allows), and measures what it costs to keep and to read.
/// </summary>
public sealed class StorageCohort(NpgsqlDataSource dataSource)
{
    private readonly TelemetryWriter _writer = new(dataSource);

    /// <summary>Seniors written so far, with the first and the end of each one's minutes.</summary>
    public List<(Guid Senior, DateTime First, DateTime End)> Seniors { get; } = [];

    /// <summary>Minutes written so far (all present: a senior-day is 1,440 / 1,440 of them for the fleet).</summary>
    public long Minutes { get; private set; }

    /// <summary>Writes one senior's minutes (time order, UTC) as watch <paramref name="deviceId"/>.</summary>
    public async Task WriteAsync(string deviceId, IReadOnlyList<MinuteSummary> minutes)
    {
        if (minutes.Count == 0) return;
        var senior = Guid.NewGuid();
        var messages = new List<IncomingTelemetry>();
        long seq = 0;
        foreach (var day in minutes.GroupBy(m => MinuteDay.DayOf(m.Start)))
        {
            var batch = new TelemetryBatch(++seq, 80, false, day.ToList(), []);
            messages.Add(new IncomingTelemetry(deviceId, senior, batch, day.Key.AddDays(1)));
        }
        // A few days per transaction, as the pipeline's group commit gathers messages.
        foreach (var chunk in messages.Chunk(8)) await _writer.WriteAsync(chunk);
        Minutes += minutes.Count;
        Seniors.Add((senior, minutes[0].Start, minutes[^1].Start.AddMinutes(1)));
    }

    /// <summary>Bytes of a relation with its TOAST table and indexes.</summary>
    public async Task<long> BytesAsync(string relation)
    {
        await using var cmd = dataSource.CreateCommand("SELECT pg_total_relation_size(@r::regclass)");
        cmd.Parameters.AddWithValue("r", relation);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The layout before migration 0024, for the "before" figures: the same minutes of the first
    /// <paramref name="seniors"/> seniors as one row per minute, with 0001's key and index and 0019's BRIN index.
    /// </summary>
    public async Task<long> CopyToPerMinuteTableAsync(int seniors)
    {
        var ids = Seniors.Take(seniors).Select(s => s.Senior).ToArray();
        await using var cmd = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS minute_activity_before;
            CREATE TABLE minute_activity_before (
                device_id text NOT NULL, senior_id uuid, minute timestamptz NOT NULL, movement integer NOT NULL,
                steps integer NOT NULL, worn boolean NOT NULL, PRIMARY KEY (device_id, minute));
            INSERT INTO minute_activity_before
            SELECT device_id, senior_id, minute, movement, steps, worn FROM minute_activity
            WHERE senior_id = ANY(@ids) ORDER BY device_id, minute;
            CREATE INDEX ON minute_activity_before (senior_id, minute);
            CREATE INDEX ON minute_activity_before USING brin (minute);
            """);
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue("ids", ids);
        await cmd.ExecuteNonQueryAsync();
        // VACUUM runs outside a transaction block, so on its own.
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE minute_activity_before");
        await vacuum.ExecuteNonQueryAsync();
        return await BytesAsync("minute_activity_before");
    }
}
