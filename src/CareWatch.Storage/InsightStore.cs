using Npgsql;
using NpgsqlTypes;

namespace CareWatch.Storage;

/// <summary>A wellbeing insight as staff see it; <paramref name="BureauId"/> is the senior's bureau (whose board gets it).</summary>
public sealed record InsightRecord(long Id, Guid SeniorId, string SeniorName, string SeniorTimeZone, string Kind,
    DateTime CreatedAt, string Summary, string DetailsJson, string Status, Guid BureauId);

/// <summary>Wellbeing insights in PostgreSQL.</summary>
public sealed class InsightStore(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT i.id, i.senior_id, s.display_name, s.time_zone, i.kind, i.created_at, i.summary, i.details::text, i.status,
               s.bureau_id
        FROM insights i JOIN seniors s ON s.id = i.senior_id
        """;

    /// <summary>Adds an insight unless one of the same kind is still open for the senior; returns it, or null when one was open.</summary>
    public async Task<InsightRecord?> AddIfNoneOpenAsync(Guid seniorId, string kind, DateTime createdAt, string summary, string detailsJson,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO insights (senior_id, kind, created_at, summary, details)
            SELECT @senior, @kind, @created, @summary, @details
            WHERE NOT EXISTS (SELECT 1 FROM insights WHERE senior_id = @senior AND kind = @kind AND status = 'open')
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("created", createdAt);
        cmd.Parameters.AddWithValue("summary", summary);
        cmd.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, detailsJson);
        if (await cmd.ExecuteScalarAsync(ct) is not long id) return null;
        return (await ReadAsync(Select + " WHERE i.id = @id", ("id", id), ct)).Single();
    }

    /// <summary>The scope's open insights, newest first.</summary>
    public Task<IReadOnlyList<InsightRecord>> ListOpenAsync(TenantScope scope, CancellationToken ct = default) =>
        ReadAsync(Select + $"""
             WHERE i.status = 'open' AND {TenantScope.SeniorCondition("s")} ORDER BY i.created_at DESC, i.id DESC
            """, null, ct, scope);

    /// <summary>The latest insights (open or dismissed) of one senior of the scope, newest first.</summary>
    public Task<IReadOnlyList<InsightRecord>> ListForSeniorAsync(TenantScope scope, Guid seniorId, int limit,
        CancellationToken ct = default) =>
        ReadAsync(Select + $"""
             WHERE i.senior_id = @id AND {TenantScope.SeniorCondition("s")}
             ORDER BY i.created_at DESC, i.id DESC LIMIT {Math.Clamp(limit, 1, 100)}
            """, ("id", seniorId), ct, scope);

    private async Task<IReadOnlyList<InsightRecord>> ReadAsync(string sql, (string, object)? parameter, CancellationToken ct,
        TenantScope? scope = null)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        if (parameter is { } p) cmd.Parameters.AddWithValue(p.Item1, p.Item2);
        scope?.AddParameters(cmd);
        var list = new List<InsightRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new InsightRecord(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetDateTime(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetGuid(9)));
        return list;
    }
}
