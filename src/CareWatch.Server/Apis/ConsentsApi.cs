using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>
/// A senior's consent records: GET /api/seniors/{id}/consents (bureau staff), POST to record one and
/// POST …/{consentId}/withdraw (supervisors; each audited).
/// </summary>
public static class ConsentsApi
{
    /// <summary>
    /// Maps the consent endpoints; the composition root requires <see cref="CareWatchPolicies.BureauData"/> on the
    /// group, and the writes require <see cref="CareWatchPolicies.BureauSupervise"/> themselves.
    /// </summary>
    public static RouteGroupBuilder MapConsentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors/{seniorId:guid}/consents").WithTags("Consents").ProducesProblem(404);
        group.MapGet("/", ListAsync).WithName("ListConsents").WithSummary("The senior's consents, oldest first.");
        group.MapPost("/", RecordAsync).WithName("RecordConsent").RequireAuthorization(CareWatchPolicies.BureauSupervise)
            .WithSummary("Records who consented (the senior or a legal representative), when, for which purposes.");
        group.MapPost("/{consentId:long}/withdraw", WithdrawAsync).WithName("WithdrawConsent")
            .RequireAuthorization(CareWatchPolicies.BureauSupervise).WithSummary("Marks a consent withdrawn now.");
        return group;
    }

    private static async Task<Results<Ok<List<ConsentView>>, ProblemHttpResult>> ListAsync(Guid seniorId, ClaimsPrincipal user,
        ConsentStore consents, CancellationToken ct) =>
        await consents.ListAsync(user.RequiredScope(), seniorId, ct) is { } list
            ? TypedResults.Ok(list.Select(ConsentView.From).ToList())
            : PrivacyApi.NotFound(seniorId);

    private static async Task<Results<Created<ConsentView>, ValidationProblem, ProblemHttpResult>> RecordAsync(Guid seniorId,
        RecordConsentRequest request, ClaimsPrincipal user, ConsentCommands commands, CancellationToken ct)
    {
        var result = await commands.RecordAsync(user, seniorId, request.GivenBy, request.Representative, request.Purposes,
            request.ConsentedAt, ct);
        if (result.NotFound) return PrivacyApi.NotFound(seniorId);
        return result.Value is { } recorded
            ? TypedResults.Created($"/api/seniors/{seniorId}/consents", ConsentView.From(recorded))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(Guid seniorId, long consentId,
        ClaimsPrincipal user, ConsentCommands commands, CancellationToken ct) =>
        await commands.WithdrawAsync(user, seniorId, consentId, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Consent not found",
                detail: $"No open consent {consentId} of senior '{seniorId}' in your bureau.");
}
