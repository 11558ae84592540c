using CareWatch.Server.Hubs;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>GET /api/alerts: what the board loads on every (re)connect.</summary>
public static class AlertsApi
{
    /// <summary>Maps the alerts endpoints.</summary>
    public static WebApplication MapAlertsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("/", ListOpenAsync).WithName("ListOpenAlerts").WithSummary("Lists open alerts, longest waiting first.");
        return app;
    }

    private static async Task<Ok<List<AlertView>>> ListOpenAsync(AlertStore alerts, CancellationToken ct) =>
        TypedResults.Ok((await alerts.ListOpenAsync(ct)).Select(AlertView.From).ToList());
}
