using CareWatch.Monitoring;
using CareWatch.Storage;

namespace CareWatch.Server.Hubs;

/// <summary>
/// An alert as the board shows it, the same from GET /api/alerts and from the hub's pushes. Times are UTC; the
/// page shows them in the senior's time zone (IANA id).
/// </summary>
/// <param name="StartedAt">When the situation began: the board's one live duration counts from here.</param>
/// <param name="Explanation">
/// The explanation: rendered from the alert's structured facts when it has them (the same words as
/// <paramref name="Reason"/>, so no reader of the API sees the detector of raise time), else as stored when raised.
/// </param>
/// <param name="Reason">
/// What the card says: rendered now from the alert's structured facts (naming the detector in service), or for a
/// row without facts the stored explanation without the durations frozen at raise time (<see cref="AlertReason"/>).
/// </param>
/// <param name="Version">Goes up on every change: a board keeps, per alert, the highest version it has seen.</param>
/// <param name="ShownUntil">A closed alert stays on the board until then; null while it is open.</param>
/// <param name="EndedAt">When its condition ended ("movement resumed at …"), once cleared.</param>
/// <param name="Severity">info, low, high or critical; an unacknowledged alarm may rise while it waits.</param>
/// <param name="RelativeChecking">A relative who answered "I'm checking on her" from their link ("Chen Lei (son)").</param>
/// <param name="Facts">An inactivity alert's structured facts, from which pages word the explanation per culture.</param>
public sealed record AlertView(
    long Id, Guid SeniorId, string SeniorName, string SeniorTimeZone, string Kind, string Status,
    DateTime? StillSince, DateTime RaisedAt, DateTime? ClosedAt, string Explanation,
    DateTime StartedAt, string Reason, int Version, DateTime UpdatedAt, DateTime? ShownUntil, DateTime? EndedAt,
    string? RelativeChecking = null, string Severity = "high", ExplanationFacts? Facts = null)
{
    /// <summary>
    /// How long a closed alert stays on the board ("movement resumed at 14:32"), so whoever was about to act
    /// on it sees why it went, instead of a card silently vanishing.
    /// </summary>
    public static readonly TimeSpan ClosedShownFor = TimeSpan.FromMinutes(15);

    /// <summary>Maps a stored alert.</summary>
    public static AlertView From(AlertRecord a)
    {
        // Rendered from its facts when it has them (then explanation and reason are the same words), else as stored.
        var facts = a.Kind == AlertKinds.Inactivity ? AlertFacts.Parse(a.Facts) : null;
        var rendered = facts is null ? null : AlertExplanation.Inactivity(facts);
        return new(
            a.Id, a.SeniorId, a.SeniorName, a.SeniorTimeZone, a.Kind, a.Status,
            Utc(a.StillSince), Utc(a.RaisedAt), Utc(a.ClosedAt), rendered ?? a.Explanation,
            Utc(a.StartedAt), rendered ?? AlertReason.WithoutFrozenDurations(a.Explanation), a.Version, Utc(a.UpdatedAt),
            a.ClosedAt is { } closed ? Utc(closed) + ClosedShownFor : null, Utc(a.EndedAt), a.RelativeChecking,
            a.Severity.ToString().ToLowerInvariant(), facts is null ? null : ExplanationFacts.From(facts));
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
