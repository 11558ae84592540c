using System.Globalization;
using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>
/// GET /api/seniors/{id}/alerts: the senior's alert history, newest first, a page at a time
/// (?before=&lt;id&gt;&amp;limit=).
/// A relative reads it without what staff write for each other (notes, comments), as in <see cref="AlertDetailView"/>.
/// </summary>
public static class SeniorAlertHistoryApi
{
    /// <summary>The most alerts on one page.</summary>
    public const int MaxLimit = 100;

    /// <summary>Alerts on a page when the caller names no limit.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Maps the endpoint; the composition root requires <see cref="CareWatchPolicies.SeniorData"/>.</summary>
    public static RouteGroupBuilder MapSeniorAlertHistoryApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors/{seniorId:guid}").WithTags("Seniors").ProducesProblem(404)
            .ProducesValidationProblem();
        group.MapGet("/alerts", PageAsync).WithName("GetSeniorAlertHistory")
            .WithSummary("The senior's alerts, newest first: outcome, note, who took and closed them, comments.");
        return group;
    }

    private static async Task<Results<Ok<AlertHistoryPage>, ValidationProblem, ProblemHttpResult>> PageAsync(
        Guid seniorId, string? before, string? limit, ClaimsPrincipal user, SeniorDirectory seniors,
        SeniorAlertHistory history, CancellationToken ct)
    {
        long? beforeId = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
                return DeviceProblems.Invalid("before", "An alert id (a positive whole number), as in nextBefore.");
            beforeId = id;
        }
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size)
                                  || size is < 1 or > MaxLimit))
            return DeviceProblems.Invalid("limit", $"A whole number from 1 to {MaxLimit}.");

        var scope = user.RequiredScope();
        if (await seniors.FindSeniorAsync(scope, seniorId, ct) is null)
            return SeniorActivityApi.SeniorNotFound(seniorId);
        return TypedResults.Ok(await LoadAsync(history, scope, seniorId, beforeId, size, ct));
    }

    /// <summary>One page of the history as the scope's reader sees it (the senior page renders it too).</summary>
    internal static async Task<AlertHistoryPage> LoadAsync(SeniorAlertHistory history, TenantScope scope,
        Guid seniorId, long? beforeId, int limit, CancellationToken ct)
    {
        // One more than asked tells whether another page follows, without a count.
        var alerts = await history.PageAsync(scope, seniorId, beforeId, limit + 1, ct);
        var page = alerts.Take(limit).ToList();
        var staff = scope.BureauId is not null;
        var comments = staff ? await history.CommentsAsync(scope, page.Select(a => a.Alert.Id).ToList(), ct) : [];
        var byAlert = comments.ToLookup(c => c.AlertId);
        var items = page.Select(a => AlertHistoryItem.From(a, staff, byAlert[a.Alert.Id])).ToList();
        return new AlertHistoryPage(items, alerts.Count > limit ? page[^1].Alert.Id : null);
    }
}
