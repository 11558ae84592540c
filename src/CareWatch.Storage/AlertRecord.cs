using CareWatch.Storage.Alerts;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>An alert as staff see it (times UTC).</summary>
/// <param name="Status">One of <see cref="AlertStates"/>.</param>
/// <param name="StartedAt">When the situation began (still period, SOS press, fall): the board counts from it.</param>
/// <param name="ClosedAt">When it was resolved or cancelled.</param>
/// <param name="Version">1 when raised, one more on every change of the row: a board tells newer from older.</param>
/// <param name="UpdatedAt">When the row last changed.</param>
/// <param name="EndedAt">When its condition ended (movement resumed, watch worn again), if it did.</param>
/// <param name="Facts">Structured facts of the decision (JSON), or null.</param>
/// <param name="OpenedAt">When staff were first called (the end of the check-in); response times count from it.</param>
/// <param name="Outcome">What was found (<see cref="AlertOutcomes"/>), once resolved.</param>
/// <param name="PromptDeadline">While checking: when the watch's prompt gives up and staff are called.</param>
/// <param name="EscalationStep">Chain steps carried out so far.</param>
/// <param name="NextStepAt">When the escalation sweep acts on it next (null: nothing left to do).</param>
/// <param name="RelativeChecking">The contact who last answered "I'm checking on her" ("Chen Lei (son)"), if any.</param>
/// <param name="Trace">The trace that raised it (its correlation id), which later work on it continues; null for rows
/// raised outside a trace.</param>
public sealed record AlertRecord(
    long Id,
    Guid SeniorId,
    string SeniorName,
    Guid BureauId,
    string SeniorTimeZone,
    string Kind,
    string Status,
    DateTime? StillSince,
    DateTime RaisedAt,
    DateTime? ClosedAt,
    string Explanation,
    DateTime StartedAt,
    int Version,
    DateTime UpdatedAt,
    DateTime? EndedAt,
    string? Facts,
    AlertSeverity Severity = AlertSeverity.High,
    DateTime? OpenedAt = null,
    DateTime? AcknowledgedAt = null,
    Guid? AcknowledgedBy = null,
    Guid? ResolvedBy = null,
    string? Outcome = null,
    string? ResolutionNote = null,
    Guid? AssignedTo = null,
    int PromptCount = 0,
    DateTime? PromptDeadline = null,
    int EscalationStep = 0,
    int RemindersSent = 0,
    DateTime? NextStepAt = null,
    DateTime? SeverityRisesAt = null,
    int RepeatCount = 0,
    DateTime? LastRepeatAt = null,
    string? RelativeChecking = null,
    StoredTrace? Trace = null)
{
    /// <summary>Whether the alert is still someone's business.</summary>
    public bool IsActive => AlertStates.IsActive(Status);

    /// <summary>The SELECT that <see cref="Read"/> reads (alerts a joined with seniors s); append WHERE/ORDER BY.</summary>
    public const string Select = """
        SELECT a.id, a.senior_id, s.display_name, s.bureau_id, s.time_zone, a.kind, a.status, a.still_since, a.raised_at,
               a.closed_at, a.explanation, a.started_at, a.version, a.updated_at, a.ended_at, a.facts::text,
               a.severity, a.opened_at, a.acknowledged_at, a.acknowledged_by, a.resolved_by, a.outcome, a.resolution_note,
               a.assigned_to, a.prompt_count, a.prompt_deadline, a.escalation_step, a.reminders_sent, a.next_step_at,
               a.severity_rises_at, a.repeat_count, a.last_repeat_at,
               (SELECT c.name || ' (' || c.relation || ')' FROM alert_events e JOIN senior_contacts c ON c.id::text = e.actor_id
                WHERE e.alert_id = a.id AND e.event = 'relative-checking' ORDER BY e.id DESC LIMIT 1),
               a.trace_id, a.span_id
        FROM alerts a JOIN seniors s ON s.id = a.senior_id
        """;

    /// <summary>Reads the current row of a reader over <see cref="Select"/>.</summary>
    public static AlertRecord Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Time(r, 7), Utc(r.GetDateTime(8)), Time(r, 9), r.GetString(10), Utc(r.GetDateTime(11)), r.GetInt32(12),
        Utc(r.GetDateTime(13)), Time(r, 14), r.IsDBNull(15) ? null : r.GetString(15),
        (AlertSeverity)r.GetInt16(16), Time(r, 17), Time(r, 18), Uuid(r, 19), Uuid(r, 20), Text(r, 21), Text(r, 22),
        Uuid(r, 23), r.GetInt16(24), Time(r, 25), r.GetInt16(26), r.GetInt32(27), Time(r, 28), Time(r, 29),
        r.GetInt32(30), Time(r, 31), Text(r, 32), StoredTrace.Read(r, 33));

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
    private static DateTime? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : Utc(r.GetDateTime(i));
    private static Guid? Uuid(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
