using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Hubs;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>
/// GET /api/alerts: what the board loads on every (re)connect (the caller's bureau, or a relative's senior); GET
/// /api/alerts/{id}: one alert with its history. Both for anyone with a scope (a relative reads their senior's
/// alerts only: another's is "not found", never "forbidden", so an id says nothing about who it belongs to).
/// </summary>
public static class AlertsApi
{
    /// <summary>Maps the alerts endpoints.</summary>
    public static RouteGroupBuilder MapAlertsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).WithName("ListOpenAlerts")
            .WithSummary("Lists open alerts and those closed in the last 15 minutes, longest waiting first.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetAlert").ProducesProblem(404)
            .WithSummary("One alert: where it stands, who is on it, and its history with the actors' names.");
        return group;
    }

    // Recently closed alerts come too, so a reload keeps the "movement resumed at" cards the pushes showed.
    // Staff get each alert's handling (names, steps, comments); a relative the alerts of their senior without it.
    private static async Task<Ok<List<AlertView>>> ListAsync(ClaimsPrincipal user, AlertStore alerts,
        AlertBoardViews board, TimeProvider time, CancellationToken ct)
    {
        var closedSince = time.GetUtcNow().UtcDateTime - AlertView.ClosedShownFor;
        var scope = user.RequiredScope();
        if (scope.BureauId is not null)
            return TypedResults.Ok((await board.ListAsync(scope, closedSince, ct)).ToList());
        var listed = await alerts.ListOpenOrClosedSinceAsync(scope, closedSince, ct);
        return TypedResults.Ok(listed.Select(AlertView.From).ToList());
    }

    private static async Task<Results<Ok<AlertDetailView>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user,
        AlertBoardViews board, CancellationToken ct) =>
        await board.DetailAsync(user.RequiredScope(), id, ct) is { } detail ? TypedResults.Ok(detail) : NotFound(id);

    /// <summary>The answer for an alert that does not exist or is not the caller's (the two are not told apart).</summary>
    internal static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: 404, title: "Alert not found", detail: $"No alert {id}.");
}
