using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Hubs;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>GET /api/insights: open wellbeing insights (routine changes), newest first.</summary>
public static class InsightsApi
{
    /// <summary>Maps the insights endpoints.</summary>
    public static RouteGroupBuilder MapInsightsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/insights").WithTags("Insights");
        group.MapGet("/", ListOpenAsync).WithName("ListOpenInsights").WithSummary("Lists the bureau's open wellbeing insights, newest first.");
        return group;
    }

    private static async Task<Ok<List<InsightView>>> ListOpenAsync(ClaimsPrincipal user, InsightStore insights, CancellationToken ct) =>
        TypedResults.Ok((await insights.ListOpenAsync(user.RequiredScope(), ct)).Select(InsightView.From).ToList());
}
