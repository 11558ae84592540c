using System.Security.Claims;
using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Storage.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>GET /api/reports/response-times?week=2026-W48: the bureau's weekly response times (issue 11, point 6).</summary>
public static class ReportsApi
{
    /// <summary>Maps the reports; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapReportsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").ProducesValidationProblem();
        group.MapGet("/response-times", ResponseTimesAsync).WithName("GetResponseTimes").ProducesProblem(404)
            .WithSummary("Shares acknowledged within 60 s and 3 min, alarms for review, outcomes and check-ins of an " +
                         "ISO week on the bureau's clock (default: the last full week).");
        return group;
    }

    private static async Task<Results<Ok<ResponseTimeReport>, ValidationProblem, ProblemHttpResult>> ResponseTimesAsync(
        string? week, ClaimsPrincipal user, ResponseTimeReports reports, TimeProvider time, CancellationToken ct)
    {
        var parsed = ReportWeek.Parse(week);
        if (week is not null && parsed is null)
            return DeviceProblems.Invalid("week", "An ISO week that exists, written YYYY-Www (2026-W48).");
        var report = await reports.WeekAsync(user.RequiredScope(), parsed, Alarms, time.GetUtcNow().UtcDateTime, ct);
        return report is null
            ? TypedResults.Problem(statusCode: 404, title: "No bureau", detail: "Reports belong to a bureau.")
            : TypedResults.Ok(report);
    }

    // The kinds the standards' shares count: the alarms, which run the whole escalation chain (EscalationPlanner);
    // device health is listed, not counted.
    private static readonly string[] Alarms = [AlertKinds.Sos, AlertKinds.Fall, AlertKinds.Inactivity];
}
