namespace CareWatch.Storage.Alerts;

/// <summary>
/// A bureau's weekly response times (issue 11, point 6), from the alerts themselves. Times are whole seconds rounded
/// up, so that a share is never flattered by a fraction (60.2 s is 61 s, not within 60 s).
/// </summary>
/// <param name="Week">The ISO week, on the bureau's clock.</param>
/// <param name="TimeZone">The bureau's time zone (IANA id).</param>
/// <param name="From">The week's first instant (UTC).</param>
/// <param name="To">The instant after its last (UTC).</param>
/// <param name="AlarmsOpened">Alarms (SOS, fall, inactivity) opened to staff in the week: the shares' denominator.</param>
/// <param name="AcknowledgedWithin60Seconds">Of those, acknowledged at most 60 s after they opened.</param>
/// <param name="AcknowledgedWithin3Minutes">Of those, acknowledged at most 180 s after they opened.</param>
/// <param name="ShareWithin60Seconds">The first as a share (0–1); null without alarms.</param>
/// <param name="ShareWithin3Minutes">The second as a share (0–1); null without alarms.</param>
/// <param name="Alerts">Every alert opened to staff in the week (alarms and device health), in order of opening.</param>
/// <param name="ForReview">Alarms not acknowledged within 3 minutes (still unacknowledged ones included).</param>
/// <param name="Outcomes">Resolved alerts raised or opened in the week, by kind and outcome.</param>
/// <param name="FalseAlarms">Of those, the false alarms by cause (kind).</param>
/// <param name="CheckIns">Alerts raised in the week that asked the senior first, and how the question ended.</param>
public sealed record ResponseTimeReport(
    string Week, string TimeZone, DateTime From, DateTime To, int AlarmsOpened, int AcknowledgedWithin60Seconds,
    int AcknowledgedWithin3Minutes, double? ShareWithin60Seconds, double? ShareWithin3Minutes,
    IReadOnlyList<AlertResponse> Alerts, IReadOnlyList<AlertResponse> ForReview, IReadOnlyList<OutcomeCount> Outcomes,
    IReadOnlyList<KindCount> FalseAlarms, CheckInCounts CheckIns);

/// <summary>One alert's response times.</summary>
/// <param name="SecondsToAcknowledge">From opened to acknowledged; null while nobody has.</param>
/// <param name="SecondsToResolve">From opened to resolved; null while it is not resolved.</param>
/// <param name="SecondsWaiting">Unacknowledged: how long it has waited so far (until closed, or the report's time).</param>
public sealed record AlertResponse(
    long AlertId, Guid SeniorId, string SeniorName, string Kind, string State, AlertSeverity Severity,
    DateTime OpenedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy, long? SecondsToAcknowledge,
    DateTime? ClosedAt, long? SecondsToResolve, long? SecondsWaiting, string? Outcome);

/// <summary>How many alerts of a kind ended with an outcome.</summary>
public sealed record OutcomeCount(string Kind, string Outcome, int Count);

/// <summary>How many alerts of a kind.</summary>
public sealed record KindCount(string Kind, int Count);

/// <summary>
/// The watch's "Are you OK?" in the week: answered (the senior pressed OK: cancelled), escalated (staff were
/// called: no answer, a timeout, an unreachable watch, or staff took it during the check-in) and still pending.
/// </summary>
public sealed record CheckInCounts(int Asked, int Answered, int Escalated, int Pending);
