namespace CareWatch.Storage.Alerts;

/// <summary>Builds a <see cref="ResponseTimeReport"/> from the week's alerts (pure: no clock, no I/O).</summary>
public static class ResponseTimeReportBuilder
{
    /// <summary>The social-alarm standards' first mark: answered within 60 s.</summary>
    public static readonly TimeSpan FirstMark = TimeSpan.FromSeconds(60);

    /// <summary>Their second mark, and the line above which an alarm is listed for review: 3 minutes.</summary>
    public static readonly TimeSpan ReviewMark = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The report of <paramref name="week"/> from the alerts raised or opened in it; <paramref name="alarmKinds"/>
    /// are the kinds the shares count (device health is listed, not counted); <paramref name="now"/> measures how long
    /// an unacknowledged alert has waited so far.
    /// </summary>
    public static ResponseTimeReport Build(ReportWeek week, string timeZone, DateTime from, DateTime to,
        IReadOnlyList<ReportedAlert> alerts, IReadOnlyCollection<string> alarmKinds, DateTime now)
    {
        var opened = alerts.Where(a => a.OpenedAt is { } o && o >= from && o < to)
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id).Select(a => Response(a, now)).ToList();
        var alarms = opened.Where(a => alarmKinds.Contains(a.Kind)).ToList();
        var within60 = alarms.Count(a => a.SecondsToAcknowledge <= FirstMark.TotalSeconds);
        var within3 = alarms.Count(a => a.SecondsToAcknowledge <= ReviewMark.TotalSeconds);
        var review = alarms.Where(a => (a.SecondsToAcknowledge ?? a.SecondsWaiting) > ReviewMark.TotalSeconds).ToList();
        var resolved = alerts.Where(a => a.State == AlertStates.Resolved && a.Outcome is not null).ToList();
        var outcomes = resolved.GroupBy(a => (a.Kind, Outcome: a.Outcome!))
            .Select(g => new OutcomeCount(g.Key.Kind, g.Key.Outcome, g.Count()))
            .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Outcome, StringComparer.Ordinal).ToList();
        var falseAlarms = resolved.Where(a => a.Outcome == AlertOutcomes.FalseAlarm).GroupBy(a => a.Kind)
            .Select(g => new KindCount(g.Key, g.Count())).OrderBy(c => c.Kind, StringComparer.Ordinal).ToList();
        var asked = alerts.Where(a => a.AskedFirst && a.RaisedAt >= from && a.RaisedAt < to).ToList();
        var checkIns = new CheckInCounts(asked.Count, asked.Count(a => a.State == AlertStates.Cancelled),
            asked.Count(a => a.OpenedAt is not null), asked.Count(a => a.State == AlertStates.Checking));
        return new ResponseTimeReport(week.ToString(), timeZone, from, to, alarms.Count, within60, within3,
            Share(within60, alarms.Count), Share(within3, alarms.Count), opened, review, outcomes, falseAlarms, checkIns);
    }

    private static AlertResponse Response(ReportedAlert a, DateTime now)
    {
        var openedAt = a.OpenedAt!.Value;
        var waitedUntil = a.ClosedAt ?? now;
        return new AlertResponse(a.Id, a.SeniorId, a.SeniorName, a.Kind, a.State, a.Severity, openedAt,
            a.AcknowledgedAt, a.AcknowledgedBy, Seconds(openedAt, a.AcknowledgedAt),
            a.ClosedAt, a.State == AlertStates.Resolved ? Seconds(openedAt, a.ClosedAt) : null,
            a.AcknowledgedAt is null ? Seconds(openedAt, waitedUntil) : null, a.Outcome);
    }

    // Whole seconds, rounded up: a share must never count 60.2 s as "within 60 s".
    private static long? Seconds(DateTime from, DateTime? to) =>
        to is { } t ? (long)Math.Ceiling(Math.Max(0, (t - from).TotalSeconds)) : null;

    private static double? Share(int count, int of) => of == 0 ? null : Math.Round((double)count / of, 4);
}
