using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
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
        RecordConsentRequest request, ClaimsPrincipal user, ConsentStore consents, IAuditTrail audit, TimeProvider time,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.GivenBy is null || !ConsentGivers.All.Contains(request.GivenBy))
            errors["givenBy"] = [$"One of: {string.Join(", ", ConsentGivers.All)}."];
        var representative = string.IsNullOrWhiteSpace(request.Representative) ? null : request.Representative.Trim();
        if (request.GivenBy == ConsentGivers.LegalRepresentative && representative is null)
            errors["representative"] = ["Required when a legal representative consents."];
        if (request.GivenBy == ConsentGivers.Senior && representative is not null)
            errors["representative"] = ["Only when a legal representative consents."];
        if (representative is { Length: > 200 }) errors["representative"] = ["At most 200 characters."];
        var purposes = request.Purposes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (purposes.Count == 0 || purposes.Any(p => !ConsentPurposes.All.Contains(p)))
            errors["purposes"] = [$"One or more of: {string.Join(", ", ConsentPurposes.All)}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var consent = new NewConsent(request.GivenBy!, representative, purposes,
            (request.ConsentedAt ?? time.GetUtcNow()).UtcDateTime);
        var recorded = await consents.RecordAsync(user.RequiredScope(), seniorId, consent, audit.ActorOf(user), ct);
        return recorded is null
            ? PrivacyApi.NotFound(seniorId)
            : TypedResults.Created($"/api/seniors/{seniorId}/consents", ConsentView.From(recorded));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(Guid seniorId, long consentId,
        ClaimsPrincipal user, ConsentStore consents, IAuditTrail audit, CancellationToken ct) =>
        await consents.WithdrawAsync(user.RequiredScope(), seniorId, consentId, audit.ActorOf(user), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Consent not found",
                detail: $"No open consent {consentId} of senior '{seniorId}' in your bureau.");
}
