using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>
/// Writes new messages' minutes into <c>minute_days</c> (migration 0024) for <see cref="TelemetryWriter"/>, in its
/// transaction: first write wins per watch and minute, as with the per-minute key before.
/// </summary>
internal static class MinuteDayMerge
{
    // The merge keeps every slot the stored row already has and takes the staged value only where it had none.
    // Stored worn bits are set only where present, so OR-ing in the staged bits of the new slots is enough.
    private const string Upsert = """
        INSERT INTO minute_days AS t (device_id, senior_id, day, present, worn, movement, steps, last_minute)
        SELECT device_id, senior_id, day, present, worn, movement, steps, last_minute FROM minute_day_staging
        ON CONFLICT ON CONSTRAINT minute_days_key DO UPDATE SET
            present = t.present | EXCLUDED.present,
            worn = t.worn | (EXCLUDED.worn & ~t.present),
            movement = ARRAY(SELECT CASE WHEN get_bit(t.present, u.i::integer - 1) = 1 THEN u.old ELSE u.new END
                             FROM unnest(t.movement, EXCLUDED.movement) WITH ORDINALITY AS u(old, new, i)
                             ORDER BY u.i),
            steps = ARRAY(SELECT CASE WHEN get_bit(t.present, u.i::integer - 1) = 1 THEN u.old ELSE u.new END
                          FROM unnest(t.steps, EXCLUDED.steps) WITH ORDINALITY AS u(old, new, i)
                          ORDER BY u.i),
            last_minute = greatest(t.last_minute, EXCLUDED.last_minute)
        """;

    // Locks the stored rows the upsert will change and counts the staged minutes they already hold. A row that a
    // concurrent transaction inserts after this count is still merged correctly by the upsert; only the count of
    // "already stored" would miss its minutes (two nodes writing the same watch's same day at the same instant).
    private const string CountStored = """
        SELECT coalesce(sum(stored), 0) FROM (
            SELECT bit_count(s.present & t.present) AS stored
            FROM minute_day_staging s
            JOIN minute_days t ON t.device_id = s.device_id AND t.day = s.day
                              AND t.senior_id IS NOT DISTINCT FROM s.senior_id
            FOR UPDATE OF t
        ) locked
        """;

    /// <summary>Stores the minutes and returns how many were new (not yet stored, and first of their slot here).</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, IReadOnlyList<IncomingTelemetry> fresh,
        CancellationToken ct)
    {
        var days = Group(fresh);
        if (days.Count == 0) return 0;
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE minute_day_staging (
                device_id text NOT NULL, senior_id uuid, day timestamptz NOT NULL, present bit(1440) NOT NULL,
                worn bit(1440) NOT NULL, movement integer[] NOT NULL, steps smallint[] NOT NULL,
                last_minute smallint NOT NULL
            ) ON COMMIT DROP
            """, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY minute_day_staging (device_id, senior_id, day, present, worn, movement, steps, last_minute)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var d in days)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(d.DeviceId, NpgsqlDbType.Text, ct);
                if (d.SeniorId is { } senior) await importer.WriteAsync(senior, NpgsqlDbType.Uuid, ct);
                else await importer.WriteNullAsync(ct);
                await importer.WriteAsync(d.Day, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(d.Present, NpgsqlDbType.Bit, ct);
                await importer.WriteAsync(d.Worn, NpgsqlDbType.Bit, ct);
                await importer.WriteAsync(d.Movement, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(d.Steps, NpgsqlDbType.Array | NpgsqlDbType.Smallint, ct);
                await importer.WriteAsync(d.LastMinute, NpgsqlDbType.Smallint, ct);
            }
            await importer.CompleteAsync(ct);
        }
        await using var count = new NpgsqlCommand(CountStored, connection);
        var stored = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
        await using var upsert = new NpgsqlCommand(Upsert, connection);
        await upsert.ExecuteNonQueryAsync(ct);
        return days.Sum(d => d.Count) - stored;
    }

    // One day row per (watch, senior, UTC day); within the call the earlier message's minute wins a slot.
    private static List<MinuteDay> Group(IReadOnlyList<IncomingTelemetry> fresh)
    {
        var days = new Dictionary<(string, Guid?, DateTime), MinuteDay>();
        foreach (var message in fresh)
        foreach (var minute in message.Batch.Minutes)
        {
            var day = MinuteDay.DayOf(minute.Start);
            var key = (message.DeviceId, message.SeniorId, day);
            if (!days.TryGetValue(key, out var row)) days[key] = row = new MinuteDay(message.DeviceId, message.SeniorId, day);
            row.TryAdd(minute);
        }
        return [.. days.Values];
    }
}
