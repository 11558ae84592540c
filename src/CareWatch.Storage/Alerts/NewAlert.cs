namespace CareWatch.Storage.Alerts;

/// <summary>An alert to raise (<see cref="AlertTransitions.RaiseAsync"/>).</summary>
/// <param name="Kind">What happened (Monitoring's AlertKinds).</param>
/// <param name="State"><see cref="AlertStates.Checking"/> (the watch asks first) or <see cref="AlertStates.Open"/>.</param>
/// <param name="StillSince">Start of the still period (inactivity only), UTC.</param>
/// <param name="StartedAt">When the situation began; a raise with another start extends an active alert (a repeat).</param>
/// <param name="Explanation">The explanation as text (kept for rows without facts).</param>
/// <param name="FactsJson">Structured facts (JSON) from which explanations are rendered.</param>
/// <param name="PromptDeadline">While checking: when the prompt gives up.</param>
/// <param name="NextStepAt">When the escalation sweep first acts on it (null: never).</param>
/// <param name="SeverityRisesAt">When its severity rises if unacknowledged (null: never).</param>
/// <param name="DetailJson">Facts for the 'raised' event (JSON object, no personal data).</param>
public sealed record NewAlert(
    Guid SeniorId, string Kind, AlertSeverity Severity, string State, DateTime? StillSince, DateTime StartedAt,
    string Explanation, string? FactsJson = null, DateTime? PromptDeadline = null, DateTime? NextStepAt = null,
    DateTime? SeverityRisesAt = null, string? DetailJson = null);
