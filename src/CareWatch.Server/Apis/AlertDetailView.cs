using System.Text.Json;
using CareWatch.Server.Hubs;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;

namespace CareWatch.Server.Apis;

/// <summary>
/// One alert as GET /api/alerts/{id} and the staff commands answer it: the board's view, where it stands in the
/// lifecycle (with the names of the people on it) and its history. A relative's view leaves out what staff write
/// for each other (the resolution note, comments' text, whom a step notified): they see what happened, by whom.
/// </summary>
/// <param name="Alert">As the board shows it (<see cref="AlertView"/>, with the version a command must send).</param>
/// <param name="Severity">info, low, high or critical.</param>
/// <param name="OpenedAt">When staff were first called; response times count from it.</param>
/// <param name="AcknowledgedBy">The name of who took it.</param>
/// <param name="AssignedTo">The colleague it is assigned to (user id), and <paramref name="AssignedToName"/> their name.</param>
/// <param name="ResolvedBy">The name of who closed it (null when auto-resolved).</param>
/// <param name="Outcome">What was found (AlertOutcomes), once resolved.</param>
/// <param name="ResolutionNote">What they wrote (staff only).</param>
/// <param name="EscalationStep">Chain steps carried out so far.</param>
/// <param name="NextStepAt">When the chain acts next (null: stopped or finished).</param>
/// <param name="Events">Its history, oldest first.</param>
public sealed record AlertDetailView(
    AlertView Alert, string Severity, DateTime? OpenedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy,
    Guid? AssignedTo, string? AssignedToName, string? ResolvedBy, string? Outcome, string? ResolutionNote,
    int EscalationStep, DateTime? NextStepAt, IReadOnlyList<AlertEventView> Events)
{
    /// <summary>Maps an alert, its names and events for a reader of <paramref name="scope"/>.</summary>
    public static AlertDetailView From(NamedAlert named, IReadOnlyList<AlertEventRecord> events, TenantScope scope)
    {
        var (a, names) = (named.Alert, named.Names);
        var staff = scope.BureauId is not null;
        return new(AlertView.From(a), a.Severity.ToString().ToLowerInvariant(), a.OpenedAt, a.AcknowledgedAt,
            names.AcknowledgedBy, a.AssignedTo, names.AssignedTo, names.ResolvedBy, a.Outcome,
            staff ? a.ResolutionNote : null, a.EscalationStep, a.NextStepAt,
            events.Select(e => AlertEventView.From(e, staff)).ToList());
    }
}

/// <summary>One event of an alert's history.</summary>
/// <param name="ActorKind">system, user, api-key, senior or relative.</param>
/// <param name="ActorName">A person's, key's or contact's name; null for the system and the senior.</param>
/// <param name="Detail">Facts of the event (a comment's text, the outcome, the assignee); null in a relative's view.</param>
public sealed record AlertEventView(
    long Id, DateTime At, string Event, string ActorKind, string? ActorName, string? FromState, string ToState,
    int Version, JsonElement? Detail)
{
    /// <summary>Maps a stored event; <paramref name="withDetail"/> for staff.</summary>
    public static AlertEventView From(AlertEventRecord e, bool withDetail) => new(
        e.Id, e.At, e.Event, e.ActorKind, e.ActorName, e.FromState, e.ToState, e.Version,
        withDetail ? JsonSerializer.Deserialize<JsonElement>(e.DetailJson) : null);
}
