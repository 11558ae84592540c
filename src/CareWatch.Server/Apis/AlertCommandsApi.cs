using System.Globalization;
using System.Security.Claims;
using CareWatch.Monitoring.Lifecycle;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Server.Hubs;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>
/// What staff do with an alert: POST /api/alerts/{id}/acknowledge, …/resolve, …/comments, …/assign. Each body
/// carries the version the person saw; each answers the alert with its history (200), 404 for an alert that is
/// not the caller's bureau's (never 403: an id tells nothing), 409 with the current alert when it changed meanwhile
/// or its state does not allow the command, 400 for a wrong body. Every applied command is audited
/// (<c>alert.&lt;event&gt;</c>, ids and facts only) in the transaction of the change.
/// </summary>
public static class AlertCommandsApi
{
    /// <summary>
    /// Maps the commands; the composition root requires <see cref="CareWatchPolicies.BureauStaff"/>: people of the
    /// bureau, not relatives (their "I'm checking" is their own route) nor integrations (see the policy).
    /// </summary>
    public static RouteGroupBuilder MapAlertCommandsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/alerts/{id:long}").WithTags("Alerts").ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert")
            .WithSummary("Takes the alert (open, or still asking the senior): the escalation chain stops.");
        group.MapPost("/resolve", ResolveAsync).WithName("ResolveAlert")
            .WithSummary("Closes an open or acknowledged alert with an outcome and an optional note.");
        group.MapPost("/comments", CommentAsync).WithName("CommentAlert")
            .WithSummary("Adds a comment to the alert's history (any state).");
        group.MapPost("/assign", AssignAsync).WithName("AssignAlert")
            .WithSummary("Assigns an active alert to a colleague of the bureau, or unassigns it (assignee null).");
        return group;
    }

    private static async Task<Results<Ok<AlertDetailView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        long id, AcknowledgeAlertRequest request, ClaimsPrincipal user, StaffActions actions, AlertBoardViews board,
        IAuditTrail audit, CancellationToken ct)
    {
        if (request.Version is not { } version) return MissingVersion();
        var result = await actions.AcknowledgeAsync(user.RequiredScope(), id, version, ActorOf(user),
            Record(audit, user, AlertEvents.Acknowledged, _ => new { }), ct);
        return await AnswerAsync(result, id, user, board, ct);
    }

    private static async Task<Results<Ok<AlertDetailView>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        long id, ResolveAlertRequest request, ClaimsPrincipal user, StaffActions actions, AlertBoardViews board,
        IAuditTrail audit, CancellationToken ct)
    {
        if (request.Version is not { } version) return MissingVersion();
        var result = await actions.ResolveAsync(user.RequiredScope(), id, version, ActorOf(user), request.Outcome,
            request.Note, Record(audit, user, AlertEvents.Resolved, a => new { outcome = a.Outcome }), ct);
        return await AnswerAsync(result, id, user, board, ct);
    }

    // The comment's text may name people or describe the senior's health: the audit keeps that one was written.
    private static async Task<Results<Ok<AlertDetailView>, ValidationProblem, ProblemHttpResult>> CommentAsync(
        long id, CommentAlertRequest request, ClaimsPrincipal user, StaffActions actions, AlertBoardViews board,
        IAuditTrail audit, CancellationToken ct)
    {
        if (request.Version is not { } version) return MissingVersion();
        var result = await actions.CommentAsync(user.RequiredScope(), id, version, ActorOf(user), request.Text,
            Record(audit, user, AlertEvents.Commented, _ => new { }), ct);
        return await AnswerAsync(result, id, user, board, ct);
    }

    private static async Task<Results<Ok<AlertDetailView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        long id, AssignAlertRequest request, ClaimsPrincipal user, StaffActions actions, AlertBoardViews board,
        IAuditTrail audit, CancellationToken ct)
    {
        if (request.Version is not { } version) return MissingVersion();
        var result = await actions.AssignAsync(user.RequiredScope(), id, version, ActorOf(user), request.Assignee,
            Record(audit, user, AlertEvents.Assigned, a => new { assignee = a.AssignedTo }), ct);
        return await AnswerAsync(result, id, user, board, ct);
    }

    private static async Task<Results<Ok<AlertDetailView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        StaffActionResult result, long id, ClaimsPrincipal user, AlertBoardViews board, CancellationToken ct)
    {
        if (result.Status == StaffActionStatus.Invalid) return DeviceProblems.Invalid(result.Field!, result.Reason!);
        // Read again through the caller's scope: the answer is what they may see, with the names and the history.
        if (result.Status == StaffActionStatus.NotFound
            || await board.DetailAsync(user.RequiredScope(), id, ct) is not { } detail)
            return AlertsApi.NotFound(id);
        if (result.Status == StaffActionStatus.Applied) return TypedResults.Ok(detail);
        return TypedResults.Problem(statusCode: 409,
            title: result.Reason == "stale" ? "Alert changed" : "Not in this state",
            detail: result.Reason == "stale"
                ? $"Someone else changed the alert; it is now at version {detail.Alert.Version}."
                : $"The alert is {detail.Alert.Status}; this command does not apply to it.",
            extensions: new Dictionary<string, object?> { ["alert"] = detail });
    }

    private static StaffActionRecorder Record(IAuditTrail audit, ClaimsPrincipal user, string @event,
        Func<CareWatch.Storage.AlertRecord, object> details) =>
        (tx, alert, ct) => audit.RecordAsync(tx, user, AuditActions.Alert(@event),
            alert.Id.ToString(CultureInfo.InvariantCulture), details(alert), alert.SeniorId, alert.BureauId, ct);

    // The policy admits staff and supervisors only, whose principal always names their account.
    private static AlertActor ActorOf(ClaimsPrincipal user) =>
        user.AccountId() is { } id
            ? AlertActor.User(id)
            : throw new InvalidOperationException("A staff command needs a signed-in person's account id.");

    private static ValidationProblem MissingVersion() =>
        DeviceProblems.Invalid("version", "The alert's version as last seen is required.");
}
