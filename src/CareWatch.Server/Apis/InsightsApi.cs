using CareWatch.Server.Hubs;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>GET /api/insights: open wellbeing insights (routine changes), newest first.</summary>
public static class InsightsApi
{
    /// <summary>Maps the insights endpoints.</summary>
    public static WebApplication MapInsightsApi(this WebApplication app)
    {
        app.MapGroup("/api/insights").WithTags("Insights")
            .MapGet("/", ListOpenAsync).WithName("ListOpenInsights").WithSummary("Lists open wellbeing insights, newest first.");
        return app;
    }

    private static async Task<Ok<List<InsightView>>> ListOpenAsync(InsightStore insights, CancellationToken ct) =>
        TypedResults.Ok((await insights.ListOpenAsync(ct)).Select(InsightView.From).ToList());
}
