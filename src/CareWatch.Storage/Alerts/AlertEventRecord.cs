namespace CareWatch.Storage.Alerts;

/// <summary>One row of an alert's history (alert_events), with the actor's name as a reader sees it.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Event">What happened (<see cref="AlertEvents"/>).</param>
/// <param name="ActorKind">system, user, api-key, senior or relative (<see cref="AlertActor"/>).</param>
/// <param name="ActorId">The user, API key or contact id, or the job's name; null for the senior.</param>
/// <param name="ActorName">
/// A person's display name, an API key's name or a contact's name; null for the system, the senior, and an actor
/// that no longer exists (a deleted account).
/// </param>
/// <param name="FromState">The state before (null for the raise).</param>
/// <param name="ToState">The state after.</param>
/// <param name="Version">The alert's version after the event.</param>
/// <param name="DetailJson">Facts of the event (JSON object): a comment's text, the assignee, the outcome.</param>
public sealed record AlertEventRecord(
    long Id, DateTime At, string Event, string ActorKind, string? ActorId, string? ActorName, string? FromState,
    string ToState, int Version, string DetailJson);
