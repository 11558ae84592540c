using CareWatch.Protocol;
using Npgsql;

namespace CareWatch.Storage.Privacy;

/// <summary>
/// Deletes the de-duplication rows of <c>device_messages</c> that no acceptable resend can match any more, long
/// before the raw-data retention (<see cref="RawDataRetention"/>) would: the table stays at about
/// <see cref="Window"/> of messages per watch instead of the whole retention. One UTC hour of rows per statement,
/// oldest first, so the first run after an upgrade does not hold one huge transaction; a rerun deletes nothing more.
/// </summary>
public sealed class DeduplicationRetention(NpgsqlDataSource dataSource)
{
    // The validator refuses a minute or event older than MaxAge, but it judges the message after ClockCorrection,
    // and the digest is taken before it. A resend whose watch clock error differs from the first copy's (each error
    // under MaxAge, either way, or it is not corrected) lands up to 2 × MaxAge later than the first copy did, and is
    // then still accepted, so its row must be there to recognise it.
    private static readonly TimeSpan ClockCorrectionSwing = 2 * TelemetryLimits.MaxAge;

    // Covers what the bounds above leave out: a watch clock up to MaxClockAhead (5 min) ahead, the half-minute
    // rounding of the correction, transit and a gateway's queue before received_at is stamped. A day is generous
    // for all of them and costs 288 rows per watch.
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a de-duplication row is kept after its message was received: MaxAge (7 days) + the clock
    /// correction's swing (14 days) + a day's margin = 22 days.
    /// </summary>
    public static readonly TimeSpan Window = TelemetryLimits.MaxAge + ClockCorrectionSwing + SafetyMargin;

    private const string OldestHour = """
        SELECT date_trunc('hour', min(received_at), 'UTC') FROM device_messages WHERE received_at < @cutoff
        """;

    private const string DeleteHour = """
        DELETE FROM device_messages WHERE received_at >= @from AND received_at < least(@to, @cutoff)
        """;

    /// <summary>Deletes the rows received before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<long> PruneAsync(DateTime cutoff, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var oldest = new NpgsqlCommand(OldestHour, connection);
        oldest.Parameters.AddWithValue("cutoff", cutoff);
        long deleted = 0;
        for (var hour = await oldest.ExecuteScalarAsync(ct) as DateTime?; hour < cutoff; hour = hour.Value.AddHours(1))
        {
            var from = DateTime.SpecifyKind(hour.Value, DateTimeKind.Utc);
            await using var delete = new NpgsqlCommand(DeleteHour, connection);
            delete.Parameters.AddWithValue("from", from);
            delete.Parameters.AddWithValue("to", from.AddHours(1));
            delete.Parameters.AddWithValue("cutoff", cutoff);
            deleted += await delete.ExecuteNonQueryAsync(ct);
        }
        return deleted;
    }
}
