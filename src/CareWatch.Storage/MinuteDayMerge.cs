using System.Collections;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>
/// Writes new messages' minutes into <c>minute_days</c> (migration 0024) for <see cref="TelemetryWriter"/>, in its
/// transaction: first write wins per watch and minute, as with the per-minute key before.
/// </summary>
/// <remarks>
/// The merge happens here, not in SQL: the stored rows the batch touches are read and locked, the new minutes are
/// filled into their empty slots, and each changed row is written back whole. Merging 1,440-element arrays in SQL
/// (unnest … WITH ORDINALITY per row) cost PostgreSQL about 1 ms of CPU per message, 12 times the rest of the write;
/// a row whose minutes are all stored already is not written at all.
/// </remarks>
internal static class MinuteDayMerge
{
    // Locks the stored rows of the staged keys. Their arrays are read only where the batch has a minute the row lacks,
    // so a message that repeats stored minutes costs an index probe and a 180-byte mask, not two 1,440-element arrays.
    private const string ReadStored = """
        SELECT k.i, t.present,
               CASE WHEN bit_count(k.present & ~t.present) > 0 THEN t.worn END,
               CASE WHEN bit_count(k.present & ~t.present) > 0 THEN t.movement END,
               CASE WHEN bit_count(k.present & ~t.present) > 0 THEN t.steps END
        FROM unnest(@device::text[], @senior::uuid[], @day::timestamptz[], @present::bit(1440)[])
             WITH ORDINALITY AS k(device_id, senior_id, day, present, i)
        JOIN minute_days t ON t.device_id = k.device_id AND t.day = k.day
                          AND t.senior_id IS NOT DISTINCT FROM k.senior_id
        FOR UPDATE OF t
        """;

    // Rows read and locked above: written back as merged.
    private const string UpdateStored = """
        UPDATE minute_days t
        SET present = s.present, worn = s.worn, movement = s.movement, steps = s.steps, last_minute = s.last_minute
        FROM minute_day_staging s
        WHERE s.stored AND t.device_id = s.device_id AND t.day = s.day AND t.senior_id IS NOT DISTINCT FROM s.senior_id
        """;

    // Rows that did not exist when read. Another transaction (a second node writing the same watch's same day at the
    // same instant) may insert one first; then the SQL merge keeps both, first write winning per slot. Only the
    // "already stored" count misses that other row's minutes.
    private const string InsertNew = """
        INSERT INTO minute_days AS t (device_id, senior_id, day, present, worn, movement, steps, last_minute)
        SELECT device_id, senior_id, day, present, worn, movement, steps, last_minute
        FROM minute_day_staging WHERE NOT stored
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

    /// <summary>Stores the minutes and returns how many were new (not yet stored, and first of their slot here).</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, IReadOnlyList<IncomingTelemetry> fresh,
        CancellationToken ct)
    {
        var staged = Group(fresh);
        if (staged.Count == 0) return 0;
        var stored = await ReadStoredAsync(connection, staged, ct);
        var writes = new List<(MinuteDay Row, bool Stored)>(staged.Count);
        var added = 0;
        for (var i = 0; i < staged.Count; i++)
        {
            if (!stored[i].Exists)
            {
                writes.Add((staged[i], false));
                added += staged[i].Count;
                continue;
            }
            if (stored[i].Row is not { } row) continue; // every staged minute is stored already
            var taken = row.Fill(staged[i]);
            added += taken;
            if (taken > 0) writes.Add((row, true));
        }
        if (writes.Count > 0) await WriteRowsAsync(connection, writes, ct);
        return added;
    }

    // Per staged row, in order: whether a row is stored, and the stored row itself when the batch has a minute it
    // lacks (null when every staged minute is stored already).
    private static async Task<(bool Exists, MinuteDay? Row)[]> ReadStoredAsync(NpgsqlConnection connection,
        List<MinuteDay> staged, CancellationToken ct)
    {
        var stored = new (bool, MinuteDay?)[staged.Count];
        await using var cmd = new NpgsqlCommand(ReadStored, connection);
        cmd.Parameters.AddWithValue("device", staged.Select(d => d.DeviceId).ToArray());
        cmd.Parameters.AddWithValue("senior", staged.Select(d => d.SeniorId).ToArray());
        cmd.Parameters.AddWithValue("day", staged.Select(d => d.Day).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("present", NpgsqlDbType.Array | NpgsqlDbType.Bit)
        {
            Value = staged.Select(d => d.Present).ToArray(),
        });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var i = (int)reader.GetInt64(0) - 1;
            var d = staged[i];
            stored[i] = reader.IsDBNull(3)
                ? (true, null)
                : (true, MinuteDay.FromStored(d.DeviceId, d.SeniorId, d.Day, reader.GetFieldValue<BitArray>(1),
                    reader.GetFieldValue<BitArray>(2), reader.GetFieldValue<int[]>(3), reader.GetFieldValue<short[]>(4)));
        }
        return stored;
    }

    private static async Task WriteRowsAsync(NpgsqlConnection connection, List<(MinuteDay Row, bool Stored)> writes,
        CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE minute_day_staging (
                device_id text NOT NULL, senior_id uuid, day timestamptz NOT NULL, present bit(1440) NOT NULL,
                worn bit(1440) NOT NULL, movement integer[] NOT NULL, steps smallint[] NOT NULL,
                last_minute smallint NOT NULL, stored boolean NOT NULL
            ) ON COMMIT DROP
            """, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY minute_day_staging (device_id, senior_id, day, present, worn, movement, steps, last_minute, stored)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var (d, isStored) in writes)
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
                await importer.WriteAsync(isStored, NpgsqlDbType.Boolean, ct);
            }
            await importer.CompleteAsync(ct);
        }
        var batch = new NpgsqlBatch(connection);
        await using (batch)
        {
            if (writes.Any(w => w.Stored)) batch.BatchCommands.Add(new NpgsqlBatchCommand(UpdateStored));
            if (writes.Any(w => !w.Stored)) batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertNew));
            await batch.ExecuteNonQueryAsync(ct);
        }
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
