using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A notification that gave up, as the bureau's supervisors see it (no rendered text, no addresses).</summary>
public sealed record DeadLetterView(long Id, long? AlertId, Guid? SeniorId, string Channel, string Recipient, string Kind,
    bool Urgent, int Attempts, string? LastError, DateTime CreatedAt)
{
    /// <summary>Maps a stored dead letter.</summary>
    public static DeadLetterView From(DeadLetter d) => new(d.Id, d.AlertId, d.SeniorId, d.Channel, d.Recipient, d.Kind,
        d.Urgent, d.Attempts, d.LastError, DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc));
}

/// <summary>
/// /api/notifications: a bureau's dead letters, and queueing one again once its cause is fixed. Supervisors see their
/// own bureau's; platform administrators name the bureau (<c>?bureauId=</c>), since many causes are theirs to fix.
/// </summary>
public static class DeadLettersApi
{
    /// <summary>The most dead letters one answer lists.</summary>
    public const int MaxLimit = 200;

    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSuperviseOrAdmin"/>.</summary>
    public static RouteGroupBuilder MapDeadLettersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").ProducesValidationProblem();
        group.MapGet("/dead", ListAsync).WithName("ListDeadLetters")
            .WithSummary("A bureau's notifications that gave up, newest first (limit 1–200, default 200; admins: bureauId).");
        group.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryDeadLetter").ProducesProblem(404)
            .WithSummary("Queues a dead notification again, at once, with a fresh count of attempts (audited).");
        return group;
    }

    private static async Task<Results<Ok<List<DeadLetterView>>, ValidationProblem, ProblemHttpResult>> ListAsync(int? limit,
        Guid? bureauId, ClaimsPrincipal user, OutboxStore store, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return DeviceProblems.Invalid("limit", $"1 to {MaxLimit}.");
        var (scope, refusal) = ScopeOf(user, bureauId);
        if (refusal is not null) return refusal;
        if (scope is null) return NotFound("No such bureau.");
        var dead = await store.ListDeadAsync(scope, limit ?? MaxLimit, ct);
        return TypedResults.Ok(dead.Select(DeadLetterView.From).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RetryAsync(long id, Guid? bureauId,
        ClaimsPrincipal user, OutboxStore store, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var (scope, refusal) = ScopeOf(user, bureauId);
        if (refusal is not null) return refusal;
        if (scope is null || !await store.RetryAsync(scope, id, time.GetUtcNow().UtcDateTime, ct))
            return NotFound($"No dead notification {id} in this bureau.");
        await audit.RecordAsync(user, AuditActions.NotificationRetried, id.ToString(), bureauId: scope.BureauId, ct: ct);
        return TypedResults.NoContent();
    }

    // An admin names the bureau; a supervisor has theirs, and naming another one finds nothing there (null scope).
    private static (TenantScope? Scope, ValidationProblem? Refusal) ScopeOf(ClaimsPrincipal user, Guid? bureauId)
    {
        if (user.IsInRole(CareWatchRoles.Admin))
        {
            return bureauId is { } named && named != Guid.Empty
                ? (TenantScope.Bureau(named), null)
                : (null, DeviceProblems.Invalid("bureauId", "Required for an administrator: whose notifications."));
        }
        var own = user.RequiredBureau();
        return (bureauId is null || bureauId == own ? TenantScope.Bureau(own) : null, null);
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: 404, title: "Not a dead letter", detail: detail);
}
