using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Hubs;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>GET /api/alerts: what the board loads on every (re)connect (the caller's bureau, or a relative's senior).</summary>
public static class AlertsApi
{
    /// <summary>Maps the alerts endpoints.</summary>
    public static RouteGroupBuilder MapAlertsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).WithName("ListOpenAlerts")
            .WithSummary("Lists open alerts and those closed in the last 15 minutes, longest waiting first.");
        return group;
    }

    // Recently closed alerts come too, so a reload keeps the "movement resumed at" cards the pushes showed.
    private static async Task<Ok<List<AlertView>>> ListAsync(ClaimsPrincipal user, AlertStore alerts, TimeProvider time,
        CancellationToken ct)
    {
        var closedSince = time.GetUtcNow().UtcDateTime - AlertView.ClosedShownFor;
        var listed = await alerts.ListOpenOrClosedSinceAsync(user.RequiredScope(), closedSince, ct);
        return TypedResults.Ok(listed.Select(AlertView.From).ToList());
    }
}
