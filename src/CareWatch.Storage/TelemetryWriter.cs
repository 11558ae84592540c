using CareWatch.Protocol;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>One accepted device message on its way to PostgreSQL.</summary>
/// <param name="DeviceId">The watch that sent it.</param>
/// <param name="SeniorId">The senior the watch belonged to when it connected.</param>
/// <param name="Batch">The validated batch (timestamps on server time when the watch's clock was corrected).</param>
/// <param name="ReceivedAt">When the gateway received it (UTC).</param>
/// <param name="ClockError">The watch's clock error measured on this message, when it said when it sent it.</param>
/// <param name="Digest">
/// The <see cref="TelemetryDigest"/> of the batch as the watch sent it, before clock correction; null takes the
/// digest of <paramref name="Batch"/>, which is the same when nothing was corrected.
/// </param>
public sealed record IncomingTelemetry(string DeviceId, Guid? SeniorId, TelemetryBatch Batch, DateTime ReceivedAt,
    TimeSpan? ClockError = null, TelemetryDigest? Digest = null, StoredTrace? Trace = null);

/// <summary>
/// Writes batches of device messages in one transaction each. The (device, seq, digest) primary key of
/// <c>device_messages</c> is the de-duplication (see <see cref="TelemetryDigest"/>): only the messages that insert
/// a row there are new, and only their minutes and events are written.
/// </summary>
public sealed class TelemetryWriter(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Stores the messages atomically and returns, per input message and in the same order, whether it was new
    /// (false: a resend of a stored message or of an earlier one in the same call), and how many minutes and
    /// events of the new ones were already stored.
    /// </summary>
    public async Task<TelemetryWriteResult> WriteAsync(IReadOnlyList<IncomingTelemetry> messages,
        CancellationToken ct = default)
    {
        var isNew = new bool[messages.Count];
        if (messages.Count == 0) return new TelemetryWriteResult(isNew, 0, 0);
        var digests = messages.Select(m => m.Digest ?? TelemetryDigest.Of(m.Batch)).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        var inserted = await InsertMessagesAsync(connection, messages, digests, ct);
        var fresh = new List<IncomingTelemetry>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            // Remove so that a second copy in the same call counts as the duplicate it is.
            if (inserted.Remove((messages[i].DeviceId, messages[i].Batch.Seq, digests[i])))
            {
                isNew[i] = true;
                fresh.Add(messages[i]);
            }
        }
        int minutesKept = 0, eventsKept = 0;
        if (fresh.Count > 0)
        {
            minutesKept = await MinuteDayMerge.WriteAsync(connection, fresh, ct);
            eventsKept = await InsertEventsAsync(connection, fresh, ct);
            await UpdateDevicesAsync(connection, fresh, ct);
        }
        await tx.CommitAsync(ct);
        return new TelemetryWriteResult(isNew,
            fresh.Sum(m => m.Batch.Minutes.Count) - minutesKept, fresh.Sum(m => m.Batch.Events.Count) - eventsKept);
    }

    private static async Task<HashSet<(string, long, TelemetryDigest)>> InsertMessagesAsync(NpgsqlConnection connection,
        IReadOnlyList<IncomingTelemetry> messages, TelemetryDigest[] digests, CancellationToken ct)
    {
        // One index probe per message, as with the (device, seq) key before: ON CONFLICT on the primary key.
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO device_messages (device_id, seq, digest, received_at, minute_count, event_count)
            SELECT * FROM unnest(@device::text[], @seq::bigint[], @digest::bytea[], @received::timestamptz[],
                                 @minutes::int[], @events::int[])
            ON CONFLICT DO NOTHING
            RETURNING device_id, seq, digest
            """, connection);
        cmd.Parameters.AddWithValue("device", messages.Select(m => m.DeviceId).ToArray());
        cmd.Parameters.AddWithValue("seq", messages.Select(m => m.Batch.Seq).ToArray());
        cmd.Parameters.AddWithValue("digest", digests.Select(d => d.ToBytes()).ToArray());
        cmd.Parameters.AddWithValue("received", messages.Select(m => m.ReceivedAt).ToArray());
        cmd.Parameters.AddWithValue("minutes", messages.Select(m => m.Batch.Minutes.Count).ToArray());
        cmd.Parameters.AddWithValue("events", messages.Select(m => m.Batch.Events.Count).ToArray());
        var inserted = new HashSet<(string, long, TelemetryDigest)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var digest = TelemetryDigest.FromBytes(reader.GetFieldValue<byte[]>(2));
            inserted.Add((reader.GetString(0), reader.GetInt64(1), digest));
        }
        return inserted;
    }

    // Returns the number of events inserted.
    private static async Task<int> InsertEventsAsync(NpgsqlConnection connection, List<IncomingTelemetry> fresh,
        CancellationToken ct)
    {
        var rows = fresh.SelectMany(m => m.Batch.Events.Select(e => (m, e))).ToList();
        if (rows.Count == 0) return 0;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO device_events (device_id, seq, at, senior_id, kind, trace_id, span_id)
            SELECT * FROM unnest(@device::text[], @seq::bigint[], @at::timestamptz[], @senior::uuid[], @kind::text[],
                                 @trace_id::text[], @span_id::text[])
            ON CONFLICT DO NOTHING
            """, connection);
        cmd.Parameters.AddWithValue("device", rows.Select(r => r.m.DeviceId).ToArray());
        cmd.Parameters.AddWithValue("seq", rows.Select(r => r.m.Batch.Seq).ToArray());
        cmd.Parameters.AddWithValue("at", rows.Select(r => r.e.At).ToArray());
        cmd.Parameters.AddWithValue("senior", rows.Select(r => r.m.SeniorId).ToArray());
        cmd.Parameters.AddWithValue("kind", rows.Select(r => r.e.Kind.ToString().ToLowerInvariant()).ToArray());
        cmd.Parameters.AddWithValue("trace_id", rows.Select(r => r.m.Trace?.TraceId).ToArray());
        cmd.Parameters.AddWithValue("span_id", rows.Select(r => r.m.Trace?.SpanId).ToArray());
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    // The last message of each device in the batch carries its current battery state. Not the highest seq:
    // after a restart of its counter, a watch's buffered older messages have higher seqs than its new ones.
    private static async Task UpdateDevicesAsync(NpgsqlConnection connection, List<IncomingTelemetry> fresh,
        CancellationToken ct)
    {
        var latest = fresh.GroupBy(m => m.DeviceId).Select(g => g.Last()).ToList();
        await using var cmd = new NpgsqlCommand("""
            UPDATE devices d
            SET last_seen_at = GREATEST(d.last_seen_at, u.received_at), battery = u.battery, charging = u.charging,
                clock_error_seconds = COALESCE(u.clock_error, d.clock_error_seconds)
            FROM unnest(@device::text[], @received::timestamptz[], @battery::smallint[], @charging::boolean[], @clock::integer[])
                 AS u(device_id, received_at, battery, charging, clock_error)
            WHERE d.device_id = u.device_id
            """, connection);
        cmd.Parameters.AddWithValue("device", latest.Select(m => m.DeviceId).ToArray());
        cmd.Parameters.AddWithValue("received", latest.Select(m => m.ReceivedAt).ToArray());
        cmd.Parameters.AddWithValue("battery", latest.Select(m => (short)m.Batch.Battery).ToArray());
        cmd.Parameters.AddWithValue("charging", latest.Select(m => m.Batch.Charging).ToArray());
        cmd.Parameters.AddWithValue("clock", latest.Select(m => m.ClockError is { } e ? (int?)Math.Round(e.TotalSeconds) : null).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
