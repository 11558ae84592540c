using System.Collections;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>
/// Writes new messages' minutes into <c>minute_days</c> (migration 0024) for <see cref="TelemetryWriter"/>, in its
/// transaction: first write wins per watch and minute, as with the per-minute key before.
/// </summary>
/// <remarks>
/// The stored rows a batch touches are locked and their presence masks read first; then each row is written the
/// cheapest way that keeps first-write-wins:
/// <list type="bullet">
/// <item>every staged minute stored already: not written;</item>
/// <item>the new minutes are one run of empty slots (a watch's batch of the last minutes, the usual case): only that
/// slice of the arrays is assigned, so neither side converts the 1,440-element arrays;</item>
/// <item>otherwise (a replay overlapping stored minutes, or gaps): the stored arrays are read, merged here and
/// written back whole.</item>
/// </list>
/// Merging the arrays in SQL (unnest … WITH ORDINALITY per row) cost PostgreSQL about 1 ms of CPU per message, and
/// converting whole arrays through Npgsql for every message cost the server about as much (docs/performance-notes.md).
/// </remarks>
internal static class MinuteDayMerge
{
    private const short NewRow = 0, WholeRow = 1, Slice = 2;

    // Arrays come back only for rows merged here: the batch has a minute the row lacks, and its new minutes are not
    // one run of empty slots.
    private const string ReadStored = """
        SELECT k.i, t.present, CASE WHEN m.merge THEN t.worn END, CASE WHEN m.merge THEN t.movement END,
               CASE WHEN m.merge THEN t.steps END
        FROM unnest(@device::text[], @senior::uuid[], @day::timestamptz[], @present::bit(1440)[], @one_run::boolean[])
             WITH ORDINALITY AS k(device_id, senior_id, day, present, one_run, i)
        JOIN minute_days t ON t.device_id = k.device_id AND t.day = k.day AND t.senior_id IS NOT DISTINCT FROM k.senior_id
        CROSS JOIN LATERAL (SELECT bit_count(k.present & ~t.present) > 0
                                   AND (NOT k.one_run OR bit_count(k.present & t.present) > 0) AS merge) m
        FOR UPDATE OF t
        """;

    private const string StagedKey = """
        t.device_id = s.device_id AND t.day = s.day AND t.senior_id IS NOT DISTINCT FROM s.senior_id
        """;

    private static readonly string UpdateWhole = $"""
        UPDATE minute_days t
        SET present = s.present, worn = s.worn, movement = s.movement, steps = s.steps, last_minute = s.last_minute
        FROM minute_day_staging s WHERE s.kind = {WholeRow} AND {StagedKey}
        """;

    // The slots lo..hi (1-based, as PostgreSQL subscripts) were all empty when locked, so OR-ing the masks is the merge.
    private static readonly string UpdateSlice = $"""
        UPDATE minute_days t
        SET present = t.present | s.present, worn = t.worn | s.worn,
            movement[s.lo:s.hi] = s.movement, steps[s.lo:s.hi] = s.steps,
            last_minute = greatest(t.last_minute, s.last_minute)
        FROM minute_day_staging s WHERE s.kind = {Slice} AND {StagedKey}
        """;

    // Rows that did not exist when read. Another transaction (a second node writing the same watch's same day at the
    // same instant) may insert one first; then the SQL merge keeps both, first write winning per slot. Only the
    // "already stored" count misses that other row's minutes.
    private static readonly string InsertNew = $"""
        INSERT INTO minute_days AS t (device_id, senior_id, day, present, worn, movement, steps, last_minute)
        SELECT device_id, senior_id, day, present, worn, movement, steps, last_minute
        FROM minute_day_staging WHERE kind = {NewRow}
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
        var writes = new List<(MinuteDay Row, short Kind)>(staged.Count);
        var added = 0;
        for (var i = 0; i < staged.Count; i++)
        {
            var day = staged[i];
            switch (stored[i])
            {
                case (null, _):
                    writes.Add((day, NewRow));
                    added += day.Count;
                    break;
                case (_, { } row):
                    var taken = row.Fill(day);
                    added += taken;
                    if (taken > 0) writes.Add((row, WholeRow));
                    break;
                case ({ } present, null):
                    if (!new BitArray(present).Not().And(day.Present).HasAnySet()) break;
                    writes.Add((day, Slice)); // one run of empty slots, or the read would have merged it
                    added += day.Count;
                    break;
            }
        }
        if (writes.Count > 0) await WriteRowsAsync(connection, writes, ct);
        return added;
    }

    // Per staged row, in order: the stored presence mask (null when no row is stored), and the whole stored row when
    // it is to be merged here.
    private static async Task<(BitArray? Present, MinuteDay? Row)[]> ReadStoredAsync(NpgsqlConnection connection,
        List<MinuteDay> staged, CancellationToken ct)
    {
        var stored = new (BitArray?, MinuteDay?)[staged.Count];
        await using var cmd = new NpgsqlCommand(ReadStored, connection);
        cmd.Parameters.AddWithValue("device", staged.Select(d => d.DeviceId).ToArray());
        cmd.Parameters.AddWithValue("senior", staged.Select(d => d.SeniorId).ToArray());
        cmd.Parameters.AddWithValue("day", staged.Select(d => d.Day).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("present", NpgsqlDbType.Array | NpgsqlDbType.Bit)
        {
            Value = staged.Select(d => d.Present).ToArray(),
        });
        cmd.Parameters.AddWithValue("one_run", staged.Select(d => d.IsOneRun).ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var i = (int)reader.GetInt64(0) - 1;
            var d = staged[i];
            var present = reader.GetFieldValue<BitArray>(1);
            stored[i] = reader.IsDBNull(3)
                ? (present, null)
                : (present, MinuteDay.FromStored(d.DeviceId, d.SeniorId, d.Day, present, reader.GetFieldValue<BitArray>(2),
                    reader.GetFieldValue<int[]>(3), reader.GetFieldValue<short[]>(4)));
        }
        return stored;
    }

    private static async Task WriteRowsAsync(NpgsqlConnection connection, List<(MinuteDay Row, short Kind)> writes,
        CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE minute_day_staging (
                device_id text NOT NULL, senior_id uuid, day timestamptz NOT NULL, present bit(1440) NOT NULL,
                worn bit(1440) NOT NULL, movement integer[] NOT NULL, steps smallint[] NOT NULL,
                last_minute smallint NOT NULL, kind smallint NOT NULL, lo integer NOT NULL, hi integer NOT NULL
            ) ON COMMIT DROP
            """, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY minute_day_staging (device_id, senior_id, day, present, worn, movement, steps, last_minute, kind, lo, hi)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var (d, kind) in writes)
            {
                var (lo, length) = kind == Slice ? (d.FirstMinute, d.LastMinute - d.FirstMinute + 1) : (0, MinuteDay.Slots);
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(d.DeviceId, NpgsqlDbType.Text, ct);
                if (d.SeniorId is { } senior) await importer.WriteAsync(senior, NpgsqlDbType.Uuid, ct);
                else await importer.WriteNullAsync(ct);
                await importer.WriteAsync(d.Day, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(d.Present, NpgsqlDbType.Bit, ct);
                await importer.WriteAsync(d.Worn, NpgsqlDbType.Bit, ct);
                await importer.WriteAsync(d.Movement.AsSpan(lo, length).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(d.Steps.AsSpan(lo, length).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Smallint, ct);
                await importer.WriteAsync(d.LastMinute, NpgsqlDbType.Smallint, ct);
                await importer.WriteAsync(kind, NpgsqlDbType.Smallint, ct);
                await importer.WriteAsync(lo + 1, NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(lo + length, NpgsqlDbType.Integer, ct);
            }
            await importer.CompleteAsync(ct);
        }
        var batch = new NpgsqlBatch(connection);
        await using (batch)
        {
            foreach (var (kind, sql) in new[] { (NewRow, InsertNew), (WholeRow, UpdateWhole), (Slice, UpdateSlice) })
                if (writes.Any(w => w.Kind == kind)) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
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
