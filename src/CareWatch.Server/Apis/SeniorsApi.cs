using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A senior as the API shows them.</summary>
public sealed record SeniorView(Guid Id, Guid BureauId, string DisplayName, string TimeZone);

/// <summary>A senior as the administration API shows them after a change: with language and watches.</summary>
public sealed record SeniorProfileView(Guid Id, Guid BureauId, string DisplayName, string TimeZone, string Language,
    IReadOnlyList<string> Watches)
{
    /// <summary>Maps a stored profile.</summary>
    public static SeniorProfileView From(SeniorProfile s) =>
        new(s.Id, s.BureauId, s.DisplayName, s.TimeZone, s.Language, s.Watches);
}

/// <summary>/api/seniors: the seniors in the caller's care; supervisors add and edit them.</summary>
public static class SeniorsApi
{
    /// <summary>
    /// Maps the seniors endpoints; the composition root requires <see cref="CareWatchPolicies.SeniorData"/> on the
    /// group, and the changes require <see cref="CareWatchPolicies.BureauSupervise"/> themselves.
    /// </summary>
    public static RouteGroupBuilder MapSeniorsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors").WithTags("Seniors");
        group.MapGet("/", ListAsync).WithName("ListSeniors").WithSummary("Lists the seniors in the caller's care (a relative: their senior).");
        group.MapPost("/", CreateAsync).WithName("CreateSenior").RequireAuthorization(CareWatchPolicies.BureauSupervise)
            .ProducesValidationProblem().WithSummary("Adds a senior to the bureau (audited).");
        group.MapPut("/{seniorId:guid}", UpdateAsync).WithName("UpdateSenior")
            .RequireAuthorization(CareWatchPolicies.BureauSupervise).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Replaces a senior's name, time zone and language (audited).");
        return group;
    }

    private static async Task<Ok<List<SeniorView>>> ListAsync(ClaimsPrincipal user, SeniorDirectory directory, CancellationToken ct)
    {
        var seniors = await directory.ListSeniorsAsync(user.RequiredScope(), ct);
        return TypedResults.Ok(seniors.Select(s => new SeniorView(s.Id, s.BureauId, s.DisplayName, s.TimeZone)).ToList());
    }

    private static async Task<Results<Created<SeniorProfileView>, ValidationProblem>> CreateAsync(SeniorInput request,
        ClaimsPrincipal user, SeniorCommands commands, CancellationToken ct)
    {
        var result = await commands.CreateAsync(user, request, ct);
        return result.Value is { } senior
            ? TypedResults.Created($"/api/seniors/{senior.Id}", SeniorProfileView.From(senior))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<Ok<SeniorProfileView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid seniorId, SeniorInput request, ClaimsPrincipal user, SeniorCommands commands, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(user, seniorId, request, ct);
        if (result.NotFound)
            return TypedResults.Problem(statusCode: 404, title: "Senior not found", detail: $"No senior {seniorId} in this bureau.");
        return result.Value is { } senior
            ? TypedResults.Ok(SeniorProfileView.From(senior))
            : TypedResults.ValidationProblem(result.Errors);
    }
}
