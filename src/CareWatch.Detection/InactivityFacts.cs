namespace CareWatch.Detection;

/// <summary>What decides when a detector alerts for a still period.</summary>
public enum AlertTrigger
{
    /// <summary>A fixed time without movement (the rule before any model exists).</summary>
    FixedRule,
    /// <summary>The learned model: the stillness has become improbable for this person at this hour.</summary>
    Model,
    /// <summary>The learned detector's safety floor for the time of day, reached before the model's limit.</summary>
    SafetyFloor,
}

/// <summary>
/// Why a detector alerts (or will alert) for the current still period, as facts rather than a sentence, so staff
/// read an explanation rendered now, in their words, that cannot contradict the live duration.
/// </summary>
/// <param name="Trigger">What sets the limit.</param>
/// <param name="Limit">The stillness at which it alerts for this period.</param>
/// <param name="LongestNormal">The longest still period the person has shown starting around that hour (learned model only).</param>
public sealed record InactivityFacts(AlertTrigger Trigger, TimeSpan Limit, TimeSpan? LongestNormal = null);
