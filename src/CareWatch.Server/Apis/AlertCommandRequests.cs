namespace CareWatch.Server.Apis;

/// <summary>POST /api/alerts/{id}/acknowledge: "I have it".</summary>
/// <param name="Version">The alert's version the person saw (required: a stale one is answered 409).</param>
public sealed record AcknowledgeAlertRequest(int? Version);

/// <summary>POST /api/alerts/{id}/resolve: what was found.</summary>
/// <param name="Version">The alert's version the person saw.</param>
/// <param name="Outcome">senior-ok, assisted-at-home, ambulance-called, false-alarm, watch-problem or other.</param>
/// <param name="Note">What they write about it (optional, at most 2000 characters).</param>
public sealed record ResolveAlertRequest(int? Version, string? Outcome, string? Note);

/// <summary>POST /api/alerts/{id}/comments: a note for colleagues.</summary>
/// <param name="Version">The alert's version the person saw.</param>
/// <param name="Text">At most 2000 characters.</param>
public sealed record CommentAlertRequest(int? Version, string? Text);

/// <summary>POST /api/alerts/{id}/assign: to a colleague of the bureau, or to nobody.</summary>
/// <param name="Version">The alert's version the person saw.</param>
/// <param name="Assignee">The user id of a staff member or supervisor of the bureau; null unassigns.</param>
public sealed record AssignAlertRequest(int? Version, Guid? Assignee);
