namespace CareWatch.Storage.Alerts;

/// <summary>What can happen to an alert (alert_events.event). Each is also its audit action, <c>alert.&lt;event&gt;</c>.</summary>
public static class AlertEvents
{
    /// <summary>The monitor raised it (in <c>checking</c> or straight <c>open</c>).</summary>
    public const string Raised = "raised";
    /// <summary>The same episode happened again (another SOS press, a new still period): the alert is extended.</summary>
    public const string Repeated = "repeated";
    /// <summary>"Are you OK?" was shown on the watch.</summary>
    public const string Prompted = "prompted";
    /// <summary>The watch could not be reached for the prompt.</summary>
    public const string WatchUnreachable = "watch-unreachable";
    /// <summary>Staff are called (after the check-in, or at once).</summary>
    public const string Opened = "opened";
    /// <summary>The senior pressed OK in time.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>The senior pressed OK after staff had been called: recorded for staff, the alert stays theirs.</summary>
    public const string SeniorAnsweredLate = "senior-answered-late";
    /// <summary>The condition ended (movement resumed, watch worn again): staff see it; it does not close the alert.</summary>
    public const string ConditionEnded = "condition-ended";
    /// <summary>Someone took it.</summary>
    public const string Acknowledged = "acknowledged";
    /// <summary>Closed with an outcome.</summary>
    public const string Resolved = "resolved";
    /// <summary>A device-health alert closed itself because its state ended.</summary>
    public const string AutoResolved = "auto-resolved";
    /// <summary>A comment was added.</summary>
    public const string Commented = "commented";
    /// <summary>Assigned to a colleague (or unassigned).</summary>
    public const string Assigned = "assigned";
    /// <summary>An escalation step was carried out (who was notified is in the detail).</summary>
    public const string Escalated = "escalated";
    /// <summary>A reminder went out after the chain's last step.</summary>
    public const string Reminded = "reminded";
    /// <summary>The severity rose because nobody acknowledged.</summary>
    public const string SeverityRaised = "severity-raised";
    /// <summary>A relative said "I'm checking on her".</summary>
    public const string RelativeChecking = "relative-checking";
    /// <summary>The detector in service changed during the episode (the facts were replaced).</summary>
    public const string FactsUpdated = "facts-updated";
}
