using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Board;

/// <summary>A senior's still period as her monitor reported it after a batch (UTC; null since: moving).</summary>
public sealed record StillReport(Guid SeniorId, DateTime? StillSince, DateTime? LastMinute);

/// <summary>
/// Each senior's current still period as her monitor last reported it (table senior_still), for the seniors board.
/// System use: written by the board's feed, keyed by the seniors of stored batches; read through
/// <see cref="SeniorStateReader"/> with the caller's scope.
/// </summary>
public sealed class SeniorStillStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Records several seniors' still periods in one statement.</summary>
    public async Task SetForSystemAsync(IReadOnlyCollection<StillReport> reports, CancellationToken ct = default)
    {
        if (reports.Count == 0) return;
        // A senior erased since her batch was stored has no row in seniors: the join skips her.
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO senior_still (senior_id, still_since, last_minute, updated_at)
            SELECT s.id, r.still_since, r.last_minute, @now
            FROM unnest(@senior, @still, @last) AS r(senior_id, still_since, last_minute)
            JOIN seniors s ON s.id = r.senior_id
            ON CONFLICT (senior_id) DO UPDATE
               SET still_since = excluded.still_since, last_minute = excluded.last_minute,
                   updated_at = excluded.updated_at
            """);
        cmd.Parameters.AddWithValue("senior", reports.Select(r => r.SeniorId).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("still", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = reports.Select(r => Utc(r.StillSince)).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = reports.Select(r => Utc(r.LastMinute)).ToArray() });
        cmd.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
