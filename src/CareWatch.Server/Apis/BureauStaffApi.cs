using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Storage.Bureaus;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A colleague to assign an alert to.</summary>
/// <param name="Role">staff or supervisor.</param>
/// <param name="OnDuty">On a shift of the rota now.</param>
public sealed record BureauPersonView(Guid Id, string Name, string Role, bool OnDuty)
{
    /// <summary>Maps a stored person.</summary>
    public static BureauPersonView From(BureauPerson p) => new(p.Id, p.Name, p.Role, p.OnDuty);
}

/// <summary>
/// GET /api/bureau/staff: the bureau's staff and supervisors with who is on duty, so the board can offer whom to
/// assign an alert to (the rota itself, /api/bureau/shifts, stays with supervisors). Names and roles only.
/// </summary>
public static class BureauStaffApi
{
    /// <summary>Maps the endpoint; the composition root requires <see cref="CareWatchPolicies.BureauStaff"/>.</summary>
    public static RouteGroupBuilder MapBureauStaffApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/bureau/staff").WithTags("Alerts");
        group.MapGet("/", ListAsync).WithName("ListBureauStaff")
            .WithSummary("The bureau's staff and supervisors, those on duty now first, then by name.");
        return group;
    }

    private static async Task<Ok<List<BureauPersonView>>> ListAsync(ClaimsPrincipal user, BureauPeople people,
        TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await people.ListAsync(user.RequiredScope(), time.GetUtcNow().UtcDateTime, ct))
            .Select(BureauPersonView.From).ToList());
}
