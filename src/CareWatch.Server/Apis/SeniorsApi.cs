using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A senior as the API shows them.</summary>
public sealed record SeniorView(Guid Id, Guid BureauId, string DisplayName, string TimeZone);

/// <summary>GET /api/seniors.</summary>
public static class SeniorsApi
{
    /// <summary>Maps the seniors endpoints.</summary>
    public static RouteGroupBuilder MapSeniorsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors").WithTags("Seniors");
        group.MapGet("/", ListAsync).WithName("ListSeniors").WithSummary("Lists the seniors in the caller's care (a relative: their senior).");
        return group;
    }

    private static async Task<Ok<List<SeniorView>>> ListAsync(ClaimsPrincipal user, SeniorDirectory directory, CancellationToken ct)
    {
        var seniors = await directory.ListSeniorsAsync(user.RequiredScope(), ct);
        return TypedResults.Ok(seniors.Select(s => new SeniorView(s.Id, s.BureauId, s.DisplayName, s.TimeZone)).ToList());
    }
}
