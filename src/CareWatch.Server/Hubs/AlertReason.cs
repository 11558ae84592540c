using System.Text.RegularExpressions;

namespace CareWatch.Server.Hubs;

/// <summary>
/// The card's reason line: the stored explanation without the durations it froze at raise time. The card shows
/// one live duration; "Still for 2 h 00 min" under a live "5 h 58 min" told two stories (issue 9).
/// </summary>
/// <remarks>
/// The explanations are CareWatch's own sentences (the detectors' "Still for … since HH:MM, watch worn." and
/// AlertExplanation's "since HH:MM (…)"), so their shapes are known; a sentence of another shape is shown
/// unchanged. This goes once explanations are rendered from structured facts instead of stored as text.
/// </remarks>
public static partial class AlertReason
{
    /// <summary>"The fixed rule alerts after 2 h 00 min without movement." from the detector's full sentence.</summary>
    public static string WithoutFrozenDurations(string explanation)
    {
        // The card already says how long and since when (with the date when it is not today).
        var reason = StillForSentence().Replace(explanation, "");
        // "not worn since 10:05 (2 h 10 min):" keeps when it began and drops how long it had lasted then.
        return ParenthesisedDuration().Replace(reason, "");
    }

    [GeneratedRegex(@"^Still for \d+ (?:h \d{2} )?min since \d{2}:\d{2}, watch worn\.\s*")]
    private static partial Regex StillForSentence();

    [GeneratedRegex(@"(?<=since \d{2}:\d{2}) \(\d+ (?:h \d{2} )?min\)")]
    private static partial Regex ParenthesisedDuration();
}
