using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage.Audit;

/// <summary>
/// The append-only audit log in PostgreSQL (<c>audit_log</c>, migration 0018: a trigger refuses UPDATE, DELETE and
/// TRUNCATE except the erasure's pseudonymisation). Entries are stamped with the injected clock.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Insert = """
        INSERT INTO audit_log (at, actor_kind, actor_id, actor_display, bureau_id, action, subject, senior_id, details)
        VALUES (@at, @kind, @actor, @display, @bureau, @action, @subject, @senior, @details)
        RETURNING id
        """;

    /// <summary>Appends an entry in its own transaction; returns its id.</summary>
    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Insert);
        Bind(cmd, entry);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Appends an entry inside the caller's transaction, so the act and its record commit (or roll back) together.
    /// </summary>
    public async Task<long> AppendAsync(AuditEntry entry, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand(Insert, transaction.Connection, transaction);
        Bind(cmd, entry);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The scope's entries, newest first: a bureau's log, or for a senior's scope the entries about that senior.
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> ListAsync(TenantScope scope, AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = new StringBuilder("""
            SELECT id, at, actor_kind, actor_id, actor_display, action, bureau_id, subject, details::text
            FROM audit_log
            WHERE (bureau_id = @scope_bureau OR senior_id = @scope_senior)
            """);
        await using var cmd = dataSource.CreateCommand();
        scope.AddParameters(cmd);
        if (query.BeforeId is { } before) Filter(sql, cmd, "id < @before", "before", before);
        if (query.Action is { } action) Filter(sql, cmd, "action = @action", "action", action);
        if (query.Subject is { } subject) Filter(sql, cmd, "subject = @subject", "subject", subject);
        if (query.From is { } from) Filter(sql, cmd, "at >= @from", "from", from);
        if (query.To is { } to) Filter(sql, cmd, "at < @to", "to", to);
        sql.Append(" ORDER BY id DESC LIMIT @limit");
        cmd.Parameters.AddWithValue("limit", Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit));
        cmd.CommandText = sql.ToString();
        var list = new List<AuditRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var actor = new AuditActor(AuditActor.KindFromText(r.GetString(2)),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
            list.Add(new AuditRecord(r.GetInt64(0), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc), actor,
                r.GetString(5), r.IsDBNull(6) ? null : r.GetGuid(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8)));
        }
        return list;
    }

    private static void Filter(StringBuilder sql, NpgsqlCommand cmd, string condition, string name, object value)
    {
        sql.Append(" AND ").Append(condition);
        cmd.Parameters.AddWithValue(name, value);
    }

    private void Bind(NpgsqlCommand cmd, AuditEntry entry)
    {
        if (entry.Action.Name is null) throw new ArgumentException("An audit entry needs an action.", nameof(entry));
        cmd.Parameters.AddWithValue("at", time.GetUtcNow().UtcDateTime);
        cmd.Parameters.AddWithValue("kind", entry.Actor.KindName);
        cmd.Parameters.AddWithValue("actor", (object?)entry.Actor.Id ?? DBNull.Value);
        cmd.Parameters.AddWithValue("display", (object?)entry.Actor.Display ?? DBNull.Value);
        cmd.Parameters.Add(new NpgsqlParameter("bureau", NpgsqlDbType.Uuid) { Value = (object?)entry.BureauId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("action", entry.Action.Name);
        cmd.Parameters.AddWithValue("subject", (object?)entry.Subject ?? DBNull.Value);
        cmd.Parameters.Add(new NpgsqlParameter("senior", NpgsqlDbType.Uuid) { Value = (object?)entry.SeniorId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, entry.DetailsJson);
    }
}
