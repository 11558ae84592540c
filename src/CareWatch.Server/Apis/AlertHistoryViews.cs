using System.Text.Json;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;

namespace CareWatch.Server.Apis;

/// <summary>A page of a senior's alert history.</summary>
/// <param name="Items">Newest first.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next (older) page; null when this is the last.</param>
public sealed record AlertHistoryPage(IReadOnlyList<AlertHistoryItem> Items, long? NextBefore);

/// <summary>A comment in the history (staff only).</summary>
public sealed record AlertCommentView(DateTime At, string? By, string Text);

/// <summary>
/// One past or current alert of the senior. Times UTC; the page shows them on the senior's clock.
/// </summary>
/// <param name="Kind">sos, fall, inactivity, not-worn, charging, offline, low-battery.</param>
/// <param name="Status">checking, open, acknowledged, resolved or cancelled.</param>
/// <param name="Severity">info, low, high or critical.</param>
/// <param name="StartedAt">When the situation began.</param>
/// <param name="EndedAt">When its condition ended (movement resumed), if it did.</param>
/// <param name="Outcome">What was found (resolved only).</param>
/// <param name="Note">The resolution note (staff only).</param>
/// <param name="Facts">The detector's structured facts of an inactivity alert (trigger, limit): rendered per
/// culture.</param>
/// <param name="Comments">Comments, oldest first (staff only; empty for a relative).</param>
public sealed record AlertHistoryItem(
    long Id, string Kind, string Status, string Severity, DateTime StartedAt, DateTime RaisedAt, DateTime? OpenedAt,
    DateTime? AcknowledgedAt, string? AcknowledgedBy, DateTime? ClosedAt, string? ResolvedBy, DateTime? EndedAt,
    string? Outcome, string? Note, string? AssignedTo, JsonElement? Facts, IReadOnlyList<AlertCommentView> Comments)
{
    /// <summary>Maps an alert, its names and comments; <paramref name="staff"/> includes what staff wrote.</summary>
    public static AlertHistoryItem From(NamedAlert named, bool staff, IEnumerable<AlertComment> comments)
    {
        var (a, n) = (named.Alert, named.Names);
        return new(a.Id, a.Kind, a.Status, a.Severity.ToString().ToLowerInvariant(), Utc(a.StartedAt), Utc(a.RaisedAt),
            Utc(a.OpenedAt), Utc(a.AcknowledgedAt), n.AcknowledgedBy, Utc(a.ClosedAt), n.ResolvedBy, Utc(a.EndedAt),
            a.Outcome, staff ? a.ResolutionNote : null, n.AssignedTo,
            a.Facts is null ? null : JsonSerializer.Deserialize<JsonElement>(a.Facts),
            staff ? comments.Select(c => new AlertCommentView(c.At, c.By, c.Text)).ToList() : []);
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
