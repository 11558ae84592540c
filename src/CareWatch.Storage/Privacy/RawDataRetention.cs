using Npgsql;

namespace CareWatch.Storage.Privacy;

/// <summary>What one retention run did.</summary>
/// <param name="Ran">False when another node held the lock, so this one did nothing.</param>
public sealed record RetentionResult(bool Ran, long MinutesDeleted, long EventsDeleted, long MessagesDeleted, int HoursProcessed);

/// <summary>
/// Rolls raw data older than a cutoff up into <c>activity_hourly</c> and deletes it: the senior's minutes (one
/// stream per senior, as <see cref="StoredMinute.Combine"/> reads them), button and fall events, and the
/// de-duplication rows of <c>device_messages</c>. One UTC hour per transaction, in order (minutes, stored a UTC day per
/// row, go with the day's first hour once the whole day is older than the cutoff); each raw row is counted
/// exactly once because the same statement deletes it and adds it to its hour, so a rerun (or a run that was cut
/// off halfway) changes nothing already done. One node at a time: a session advisory lock, skipped when held.
/// </summary>
public sealed class RawDataRetention(NpgsqlDataSource dataSource)
{
    // Any constant; the same on every node, and different from the migrator's.
    private const long LockKey = 0x43617265_52657465;

    // The per-minute combination is ActivityHistory's (and StoredMinute.Combine's); steps follow the chosen reading.
    // Minutes are stored a UTC day per row (migration 0024), so they go a whole day at a time: @from..@to is a day.
    private const string RollUpMinutes = """
        WITH gone_days AS (
            DELETE FROM minute_days WHERE day >= @from AND day < @to RETURNING *
        ), gone AS (
            SELECT d.senior_id, d.day + (u.i - 1) * interval '1 minute' AS minute, u.movement, u.steps::integer AS steps,
                   get_bit(d.worn, u.i::integer - 1) = 1 AS worn
            FROM gone_days d, unnest(d.movement, d.steps) WITH ORDINALITY AS u(movement, steps, i)
            WHERE get_bit(d.present, u.i::integer - 1) = 1
        ), per_minute AS (
            SELECT senior_id, minute,
                   CASE WHEN bool_or(worn) THEN max(movement) FILTER (WHERE worn) ELSE max(movement) END AS movement,
                   CASE WHEN bool_or(worn) THEN max(steps) FILTER (WHERE worn) ELSE max(steps) END AS steps,
                   bool_or(worn) AS worn
            FROM gone WHERE senior_id IS NOT NULL GROUP BY senior_id, minute
        ), rolled AS (
            INSERT INTO activity_hourly (senior_id, hour, minutes, worn_minutes, still_minutes, movement_sum, steps_sum)
            SELECT m.senior_id, date_trunc('hour', m.minute, 'UTC'), count(*), count(*) FILTER (WHERE m.worn),
                   count(*) FILTER (WHERE m.worn AND m.movement <= @still), sum(m.movement), sum(m.steps)
            FROM per_minute m WHERE EXISTS (SELECT 1 FROM seniors s WHERE s.id = m.senior_id)
            GROUP BY 1, 2
            ON CONFLICT (senior_id, hour) DO UPDATE SET
                minutes = activity_hourly.minutes + EXCLUDED.minutes,
                worn_minutes = activity_hourly.worn_minutes + EXCLUDED.worn_minutes,
                still_minutes = activity_hourly.still_minutes + EXCLUDED.still_minutes,
                movement_sum = activity_hourly.movement_sum + EXCLUDED.movement_sum,
                steps_sum = activity_hourly.steps_sum + EXCLUDED.steps_sum
        )
        SELECT count(*) FROM gone
        """;

    private const string RollUpEvents = """
        WITH gone AS (
            DELETE FROM device_events WHERE at >= @from AND at < @to RETURNING senior_id, at, kind
        ), rolled AS (
            INSERT INTO activity_hourly (senior_id, hour, minutes, worn_minutes, still_minutes, movement_sum, steps_sum,
                                         sos_events, fall_events, ok_events)
            SELECT e.senior_id, date_trunc('hour', e.at, 'UTC'), 0, 0, 0, 0, 0, count(*) FILTER (WHERE e.kind = 'sos'),
                   count(*) FILTER (WHERE e.kind = 'fall'), count(*) FILTER (WHERE e.kind = 'ok')
            FROM gone e WHERE e.senior_id IS NOT NULL AND EXISTS (SELECT 1 FROM seniors s WHERE s.id = e.senior_id)
            GROUP BY 1, 2
            ON CONFLICT (senior_id, hour) DO UPDATE SET
                sos_events = activity_hourly.sos_events + EXCLUDED.sos_events,
                fall_events = activity_hourly.fall_events + EXCLUDED.fall_events,
                ok_events = activity_hourly.ok_events + EXCLUDED.ok_events
        )
        SELECT count(*) FROM gone
        """;

    private const string DeleteMessages = "DELETE FROM device_messages WHERE received_at >= @from AND received_at < @to";

    private const string OldestHour = """
        SELECT date_trunc('hour', least(
            (SELECT min(day) FROM minute_days WHERE day <= @cutoff - interval '24 hours'),
            (SELECT min(at) FROM device_events WHERE at < @cutoff),
            (SELECT min(received_at) FROM device_messages WHERE received_at < @cutoff)), 'UTC')
        """;

    /// <summary>
    /// Rolls up and deletes everything older than <paramref name="cutoff"/>, which is rounded down to a whole UTC
    /// hour so that an hour is always summarised whole. <paramref name="stillMovement"/> is the monitor's still
    /// ceiling, for <c>still_minutes</c>.
    /// </summary>
    public async Task<RetentionResult> ApplyAsync(DateTime cutoff, int stillMovement, CancellationToken ct = default)
    {
        cutoff = new DateTime(cutoff.Ticks - cutoff.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await LockAsync(connection, "SELECT pg_try_advisory_lock(@key)", ct)) return new RetentionResult(false, 0, 0, 0, 0);
        try
        {
            long minutes = 0, events = 0, messages = 0;
            var hours = 0;
            await using var oldest = new NpgsqlCommand(OldestHour, connection);
            oldest.Parameters.AddWithValue("cutoff", cutoff);
            for (var hour = await oldest.ExecuteScalarAsync(ct) as DateTime?; hour < cutoff; hour = hour.Value.AddHours(1))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var from = DateTime.SpecifyKind(hour.Value, DateTimeKind.Utc);
                // A day of minutes goes once it is wholly older than the cutoff: minutes outlive it by < 1 day.
                if (from.TimeOfDay == TimeSpan.Zero && from.AddDays(1) <= cutoff)
                    minutes += await CountAsync(RollUpMinutes, connection, tx, from, stillMovement, ct, TimeSpan.FromDays(1));
                events += await CountAsync(RollUpEvents, connection, tx, from, stillMovement, ct);
                messages += await ExecuteAsync(DeleteMessages, connection, tx, from, ct);
                await tx.CommitAsync(ct);
                hours++;
            }
            return new RetentionResult(true, minutes, events, messages, hours);
        }
        finally
        {
            await LockAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("key", LockKey);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> CountAsync(string sql, NpgsqlConnection connection, NpgsqlTransaction tx, DateTime from,
        int still, CancellationToken ct, TimeSpan? length = null)
    {
        await using var cmd = Hour(sql, connection, tx, from, length);
        if (sql.Contains("@still", StringComparison.Ordinal)) cmd.Parameters.AddWithValue("still", still);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> ExecuteAsync(string sql, NpgsqlConnection connection, NpgsqlTransaction tx, DateTime from,
        CancellationToken ct)
    {
        await using var cmd = Hour(sql, connection, tx, from);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Hour(string sql, NpgsqlConnection connection, NpgsqlTransaction tx, DateTime from,
        TimeSpan? length = null)
    {
        var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", from + (length ?? TimeSpan.FromHours(1)));
        return cmd;
    }
}
