using Npgsql;

namespace CareWatch.Storage.Alerts;

/// <summary>The weekly response-time report of a bureau, read from its alerts and their events.</summary>
public sealed class ResponseTimeReports(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The report of <paramref name="week"/> (default: the last full week before the one <paramref name="now"/> is in,
    /// the week a supervisor reviews) on the bureau's clock;
    /// null when the scope is not a bureau's or the bureau is gone.
    /// </summary>
    public async Task<ResponseTimeReport?> WeekAsync(TenantScope scope, ReportWeek? week,
        IReadOnlyCollection<string> alarmKinds, DateTime now, CancellationToken ct = default)
    {
        if (await TimeZoneAsync(scope, ct) is not { } zoneId) return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        week ??= ReportWeek.Containing(now, zone).Previous();
        var (from, to) = week.UtcRange(zone);
        var alerts = await AlertsAsync(scope, from, to, ct);
        return ResponseTimeReportBuilder.Build(week, zoneId, from, to, alerts, alarmKinds, now);
    }

    private async Task<string?> TimeZoneAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT time_zone FROM bureaus WHERE id = @scope_bureau");
        scope.AddParameters(cmd);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    // Raised or opened in the week: a check-in raised on Sunday night and opened on Monday counts in both weeks'
    // parts it belongs to (the check-in to the first, the response to the second).
    private async Task<IReadOnlyList<ReportedAlert>> AlertsAsync(TenantScope scope, DateTime from, DateTime to,
        CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT x.id, x.senior_id, x.display_name, x.kind, x.status, x.severity, x.raised_at, x.opened_at,
                   x.acknowledged_at,
                   coalesce(u.display_name, CASE WHEN x.acknowledged_at IS NOT NULL
                       THEN {ActorNames.OfLatestEvent(AlertEvents.Acknowledged)} END),
                   x.closed_at, x.outcome,
                   EXISTS (SELECT 1 FROM alert_events e
                           WHERE e.alert_id = x.id AND e.event = @raised AND e.to_status = @checking)
            FROM (SELECT a.*, s.display_name FROM alerts a JOIN seniors s ON s.id = a.senior_id
                  WHERE {TenantScope.SeniorCondition("s")}
                    AND ((a.opened_at >= @from AND a.opened_at < @to) OR (a.raised_at >= @from AND a.raised_at < @to))) x
            LEFT JOIN users u ON u.id = x.acknowledged_by
            ORDER BY x.id
            """);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        cmd.Parameters.AddWithValue("raised", AlertEvents.Raised);
        cmd.Parameters.AddWithValue("checking", AlertStates.Checking);
        scope.AddParameters(cmd);
        var list = new List<ReportedAlert>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ReportedAlert(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4),
                (AlertSeverity)r.GetInt16(5), Utc(r.GetDateTime(6)), Time(r, 7), Time(r, 8),
                r.IsDBNull(9) ? null : r.GetString(9), Time(r, 10), r.IsDBNull(11) ? null : r.GetString(11),
                r.GetBoolean(12)));
        return list;
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
    private static DateTime? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : Utc(r.GetDateTime(i));
}
