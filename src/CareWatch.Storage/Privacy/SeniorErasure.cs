using System.Security.Cryptography;
using System.Text.Json;
using CareWatch.Storage.Audit;
using Npgsql;

namespace CareWatch.Storage.Privacy;

/// <summary>What an erasure did.</summary>
/// <param name="Pseudonym">What the audit log now says instead of the senior's id (and their relatives' ids).</param>
/// <param name="Devices">The senior's watches: unassigned and disabled, so they can be given to someone else.</param>
/// <param name="Rows">Rows deleted per table.</param>
public sealed record ErasureResult(Guid SeniorId, Guid BureauId, string Pseudonym, IReadOnlyList<string> Devices,
    IReadOnlyDictionary<string, long> Rows, int AuditEntriesPseudonymised);

/// <summary>
/// Erasure on request (GDPR art. 17, PIPL art. 47): in one transaction, every row of personal data about a senior
/// is deleted from every table, the senior's watches are unassigned and disabled (they are the bureau's hardware;
/// disabled, so that a watch still on someone's wrist uploads nothing unattributed until staff give it out again),
/// and the audit log's entries about the senior keep their place with a pseudonym instead of the ids
/// (<c>audit_log_pseudonymise</c>, migration 0018). The erasure itself is audited under the pseudonym.
/// </summary>
public sealed class SeniorErasure(NpgsqlDataSource dataSource, AuditLog audit)
{
    /// <summary>
    /// Tables whose rows belong to one senior by a <c>senior_id</c> column, deleted in this order (children before
    /// the rows they reference). A test holds every <c>senior_id</c> column of the schema to this list (plus
    /// <c>devices</c>, unassigned, and <c>audit_log</c>, pseudonymised), so a new table cannot be forgotten.
    /// </summary>
    public static readonly IReadOnlyList<string> DeletedTables =
        [
            "minute_days", "device_events", "activity_hourly", "insights", "alert_events", "notification_outbox",
            "alerts", "senior_consents", "senior_contacts", "senior_still",
        ];

    /// <summary>Tables with a <c>senior_id</c> that erasure handles other than by deleting the senior's rows.</summary>
    public static readonly IReadOnlyList<string> OtherwiseHandledTables = ["devices", "audit_log", "users"];

    /// <summary>Erases the senior; null when the senior is not in the scope (or no longer exists).</summary>
    public async Task<ErasureResult?> EraseAsync(TenantScope scope, Guid seniorId, AuditActor actor, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var find = new NpgsqlCommand(
            $"SELECT s.bureau_id FROM seniors s WHERE s.id = @senior AND {TenantScope.SeniorCondition("s")} FOR UPDATE",
            connection, tx);
        find.Parameters.AddWithValue("senior", seniorId);
        scope.AddParameters(find);
        if (await find.ExecuteScalarAsync(ct) is not Guid bureau) return null;

        var devices = await ReadStringsAsync(connection, tx, """
            UPDATE devices SET senior_id = NULL, enabled = false WHERE senior_id = @senior RETURNING device_id
            """, seniorId, ct);
        var rows = new Dictionary<string, long>();
        // alert_events is append-only; erasure is the one DELETE its trigger lets through, for this transaction only.
        await ExecuteAsync(connection, tx, "SET LOCAL carewatch.erasing = 'on'", seniorId, ct);
        foreach (var table in DeletedTables)
            rows[table] = await ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE senior_id = @senior", seniorId, ct);
        var erasedIds = new List<string> { seniorId.ToString() };
        erasedIds.AddRange(await EraseRelativesAsync(connection, tx, seniorId, rows, ct));
        var pseudonym = "erased-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await using var rewrite = new NpgsqlCommand("SELECT audit_log_pseudonymise(@senior, @ids, @pseudonym)", connection, tx);
        rewrite.Parameters.AddWithValue("senior", seniorId);
        rewrite.Parameters.AddWithValue("ids", erasedIds.ToArray());
        rewrite.Parameters.AddWithValue("pseudonym", pseudonym);
        var pseudonymised = (int)(await rewrite.ExecuteScalarAsync(ct))!;
        rows["seniors"] = await ExecuteAsync(connection, tx, "DELETE FROM seniors WHERE id = @senior", seniorId, ct);

        var details = JsonSerializer.Serialize(new { devices, rows, auditEntriesPseudonymised = pseudonymised });
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.SeniorErased, bureau, pseudonym, null, details), tx, ct);
        await tx.CommitAsync(ct);
        return new ErasureResult(seniorId, bureau, pseudonym, devices, rows, pseudonymised);
    }

    /// <summary>
    /// Deletes what a watch may still have uploaded under the erased senior's id after the erasure committed (a
    /// message already in the gateway's pipeline when its connection was closed); returns the rows deleted.
    /// </summary>
    public async Task<long> SweepLateTelemetryAsync(Guid seniorId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var n = await ExecuteAsync(connection, tx, "DELETE FROM minute_days WHERE senior_id = @senior", seniorId, ct)
            + await ExecuteAsync(connection, tx, "DELETE FROM device_events WHERE senior_id = @senior", seniorId, ct);
        await tx.CommitAsync(ct);
        return n;
    }

    // Relatives' accounts linked to the senior (table users, migration 0015, where present): the account exists only
    // for this senior, so it goes with her. Identity's dependent rows are expected to cascade.
    private static async Task<IReadOnlyList<string>> EraseRelativesAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        Guid seniorId, Dictionary<string, long> rows, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM information_schema.columns
                           WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'senior_id')
            """, connection, tx);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return [];
        var ids = await ReadStringsAsync(connection, tx, "DELETE FROM users WHERE senior_id = @senior RETURNING id::text", seniorId, ct);
        rows["users"] = ids.Count;
        return ids;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, Guid seniorId,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.AddWithValue("senior", seniorId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<string>> ReadStringsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql,
        Guid seniorId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.AddWithValue("senior", seniorId);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }
}
