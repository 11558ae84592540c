using CareWatch.Monitoring;

namespace CareWatch.Server.Hubs;

/// <summary>
/// What an inactivity alert's explanation is made of, for pages that word it in the reader's language
/// (ClientApp/src/board/explain.ts) instead of showing the English sentence stored at raise time.
/// </summary>
/// <param name="Trigger">fixed-rule, model or safety-floor: which limit the still period reached.</param>
/// <param name="LimitMinutes">The limit it reached, in minutes.</param>
/// <param name="LongestNormalMinutes">The person's longest normal still period around that hour, when learned.</param>
public sealed record ExplanationFacts(string Trigger, int LimitMinutes, int? LongestNormalMinutes)
{
    /// <summary>From the alert's stored facts.</summary>
    public static ExplanationFacts From(AlertFacts facts) => new(facts.Trigger switch
    {
        Detection.AlertTrigger.FixedRule => "fixed-rule",
        Detection.AlertTrigger.Model => "model",
        _ => "safety-floor",
    }, facts.LimitMinutes, facts.LongestNormalMinutes);
}
