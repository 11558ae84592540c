using Npgsql;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// What staff and relatives read about alerts: the board, one alert with its history, and the checks a staff
/// command needs. Every query of tenant data takes the caller's <see cref="TenantScope"/> first; the few system
/// lookups (named <c>…ForSystem</c>) take ids that come from a row already found through a scope.
/// </summary>
public sealed class AlertQueries(NpgsqlDataSource dataSource)
{
    // The alert row (AlertRecord.Select) as x, then the names of the people on it. An integration that acknowledged
    // or resolved has no user id in the row: its name comes from the event it caused.
    private static readonly string Named = $"""
        SELECT x.*,
               coalesce(ack.display_name, CASE WHEN x.acknowledged_at IS NOT NULL
                   THEN {ActorNames.OfLatestEvent(AlertEvents.Acknowledged)} END),
               asg.display_name,
               coalesce(res.display_name, CASE WHEN x.status = '{AlertStates.Resolved}' AND x.resolved_by IS NULL
                   THEN {ActorNames.OfLatestEvent(AlertEvents.Resolved)} END)
        FROM ({AlertRecord.Select} WHERE /*where*/) x
        LEFT JOIN users ack ON ack.id = x.acknowledged_by
        LEFT JOIN users asg ON asg.id = x.assigned_to
        LEFT JOIN users res ON res.id = x.resolved_by
        """;

    /// <summary>
    /// What the scope's board shows: every active alert (checking, open, acknowledged) and those closed at or after
    /// <paramref name="closedSince"/> (so a reload keeps the card that says how it ended), longest waiting first.
    /// </summary>
    public async Task<IReadOnlyList<NamedAlert>> ListBoardAsync(TenantScope scope, DateTime closedSince,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Where($"""
            (a.status = ANY(@active) OR (a.status <> ALL(@active) AND a.closed_at >= @closed_since))
            AND {TenantScope.SeniorCondition("s")}
            """) + " ORDER BY x.started_at, x.id");
        cmd.Parameters.AddWithValue("active", AlertStates.Active.ToArray());
        cmd.Parameters.AddWithValue("closed_since", closedSince);
        scope.AddParameters(cmd);
        return await ReadNamedAsync(cmd, ct);
    }

    /// <summary>One alert of the scope, with names; null when there is none or it belongs to someone else.</summary>
    public async Task<NamedAlert?> FindAsync(TenantScope scope, long alertId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Where(
            $"a.id = @id AND {TenantScope.SeniorCondition("s")}"));
        cmd.Parameters.AddWithValue("id", alertId);
        scope.AddParameters(cmd);
        return (await ReadNamedAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>The names on an alert the system holds already (a push after a change), or none if it is gone.</summary>
    public async Task<AlertNames> NamesForSystemAsync(long alertId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Where("a.id = @id"));
        cmd.Parameters.AddWithValue("id", alertId);
        return (await ReadNamedAsync(cmd, ct)).FirstOrDefault()?.Names ?? AlertNames.None;
    }

    /// <summary>The alert's history, oldest first; empty when it is not the scope's.</summary>
    public async Task<IReadOnlyList<AlertEventRecord>> EventsAsync(TenantScope scope, long alertId,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT e.id, e.at, e.event, e.actor_kind, e.actor_id, {ActorNames.Sql("e.actor_kind", "e.actor_id")},
                   e.from_status, e.to_status, e.version, e.detail::text
            FROM alert_events e JOIN seniors s ON s.id = e.senior_id
            WHERE e.alert_id = @id AND {TenantScope.SeniorCondition("s")}
            ORDER BY e.id
            """);
        cmd.Parameters.AddWithValue("id", alertId);
        scope.AddParameters(cmd);
        var list = new List<AlertEventRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new AlertEventRecord(r.GetInt64(0), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc),
                r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), r.GetString(7), r.GetInt32(8),
                r.GetString(9)));
        return list;
    }

    /// <summary>Whether the user is a staff member or supervisor of the scope's bureau (someone to assign to).</summary>
    public async Task<bool> IsBureauColleagueAsync(TenantScope scope, Guid userId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM users
                           WHERE id = @user AND bureau_id = @scope_bureau AND role = ANY(@roles))
            """);
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.AddWithValue("roles", BureauPeopleRoles);
        scope.AddParameters(cmd);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The relatives (channel, recipient) an escalation step or reminder already called about the alert, so that an
    /// acknowledgement or resolution tells exactly them (system use: the alert was found through a scope).
    /// </summary>
    public async Task<IReadOnlyList<(string Channel, string Recipient)>> CalledRelativesForSystemAsync(long alertId,
        CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT DISTINCT channel, recipient FROM notification_outbox
            WHERE alert_id = @id AND kind = ANY(@kinds) AND recipient LIKE 'contact:%' AND channel <> @board
            ORDER BY channel, recipient
            """);
        cmd.Parameters.AddWithValue("id", alertId);
        cmd.Parameters.AddWithValue("kinds", new[] { NotificationKinds.AlertOpen, NotificationKinds.Reminder });
        cmd.Parameters.AddWithValue("board", OutboxChannels.SignalR);
        var list = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    internal static string Where(string condition) => Named.Replace("/*where*/", condition, StringComparison.Ordinal);

    // The roles of users.role that handle alerts (the database's words; the server's CareWatchRoles spell the same).
    private static readonly string[] BureauPeopleRoles = ["staff", "supervisor"];

    internal static async Task<IReadOnlyList<NamedAlert>> ReadNamedAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<NamedAlert>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            // The names are the last three columns, whatever AlertRecord.Select reads before them.
            var n = r.FieldCount - 3;
            list.Add(new NamedAlert(AlertRecord.Read(r), new AlertNames(Text(r, n), Text(r, n + 1), Text(r, n + 2))));
        }
        return list;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
