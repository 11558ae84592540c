namespace CareWatch.Storage.Alerts;

/// <summary>An alert as the response-time report reads it (times UTC).</summary>
/// <param name="AskedFirst">It was raised in checking: the watch asked "Are you OK?" before staff were called.</param>
public sealed record ReportedAlert(
    long Id, Guid SeniorId, string SeniorName, string Kind, string State, AlertSeverity Severity, DateTime RaisedAt,
    DateTime? OpenedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy, DateTime? ClosedAt, string? Outcome,
    bool AskedFirst);
