using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>An audit entry as the API shows it.</summary>
public sealed record AuditEntryView(long Id, DateTime At, string ActorKind, string? ActorId, string? ActorDisplay,
    string Action, Guid? BureauId, string? Subject, System.Text.Json.JsonElement Details);

/// <summary>A page of audit entries, newest first; pass <see cref="NextBeforeId"/> as <c>beforeId</c> for the next.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? NextBeforeId);

/// <summary>GET /api/audit: the bureau's audit log for its supervisors.</summary>
public static class AuditApi
{
    /// <summary>Maps the audit endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapAuditApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("The bureau's audit entries, newest first (beforeId, limit 1-500, action, subject, from, to).");
        return group;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(ClaimsPrincipal user, AuditLog log,
        long? beforeId, int? limit, string? action, string? subject, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var size = limit ?? 100;
        if (size is < 1 or > AuditQuery.MaxLimit) return DeviceProblems.Invalid("limit", $"1 to {AuditQuery.MaxLimit}.");
        var query = new AuditQuery(beforeId, size, action, subject, from?.ToUniversalTime(), to?.ToUniversalTime());
        var entries = await log.ListAsync(user.RequiredScope(), query, ct);
        var views = entries.Select(e => new AuditEntryView(e.Id, e.At, e.Actor.KindName, e.Actor.Id, e.Actor.Display, e.Action,
            e.BureauId, e.Subject, System.Text.Json.JsonDocument.Parse(e.DetailsJson).RootElement.Clone())).ToList();
        return TypedResults.Ok(new AuditPage(views, views.Count == size ? views[^1].Id : null));
    }
}
