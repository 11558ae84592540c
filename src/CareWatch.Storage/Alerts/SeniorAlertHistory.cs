using Npgsql;

namespace CareWatch.Storage.Alerts;

/// <summary>A comment on an alert, as its history holds it.</summary>
/// <param name="AlertId">The alert it is on.</param>
/// <param name="At">When it was written (UTC).</param>
/// <param name="By">Who wrote it (a person's or key's name; null when the account is gone).</param>
/// <param name="Text">What they wrote.</param>
public sealed record AlertComment(long AlertId, DateTime At, string? By, string Text);

/// <summary>
/// One senior's alerts, newest first, a page at a time (the senior page's history), with the names of the people
/// on them and their comments. Every query takes the reader's scope first; the caller checks that the senior is in
/// it, so an empty page of another bureau's senior is never mistaken for "no alerts".
/// </summary>
public sealed class SeniorAlertHistory(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Up to <paramref name="limit"/> alerts of the senior with ids below <paramref name="beforeId"/> (null: from the
    /// newest), newest first. Keyset paging on the id: a page does not shift when new alerts arrive meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<NamedAlert>> PageAsync(TenantScope scope, Guid seniorId, long? beforeId, int limit,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(AlertQueries.Where($"""
            a.senior_id = @senior AND (@before::bigint IS NULL OR a.id < @before)
            AND {TenantScope.SeniorCondition("s")} ORDER BY a.id DESC LIMIT @limit
            """) + " ORDER BY x.id DESC");
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.Add(new NpgsqlParameter("before", NpgsqlTypes.NpgsqlDbType.Bigint)
            { Value = (object?)beforeId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("limit", limit);
        scope.AddParameters(cmd);
        return await AlertQueries.ReadNamedAsync(cmd, ct);
    }

    /// <summary>The comments on the given alerts of the scope, oldest first.</summary>
    public async Task<IReadOnlyList<AlertComment>> CommentsAsync(TenantScope scope, IReadOnlyList<long> alertIds,
        CancellationToken ct = default)
    {
        if (alertIds.Count == 0) return [];
        await using var cmd = dataSource.CreateCommand($"""
            SELECT e.alert_id, e.at, {ActorNames.Sql("e.actor_kind", "e.actor_id")}, e.detail ->> 'text'
            FROM alert_events e JOIN seniors s ON s.id = e.senior_id
            WHERE e.alert_id = ANY(@ids) AND e.event = @event AND {TenantScope.SeniorCondition("s")}
            ORDER BY e.id
            """);
        cmd.Parameters.AddWithValue("ids", alertIds.ToArray());
        cmd.Parameters.AddWithValue("event", AlertEvents.Commented);
        scope.AddParameters(cmd);
        var list = new List<AlertComment>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new AlertComment(r.GetInt64(0), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc),
                r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3)));
        return list;
    }
}
