using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
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

/// <summary>/api/notifications: the bureau's dead letters, and queueing one again once its cause is fixed.</summary>
public static class DeadLettersApi
{
    /// <summary>The most dead letters one answer lists.</summary>
    public const int MaxLimit = 200;

    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapDeadLettersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").ProducesValidationProblem();
        group.MapGet("/dead", ListAsync).WithName("ListDeadLetters")
            .WithSummary("The bureau's notifications that gave up, newest first (limit 1–200, default 200).");
        group.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryDeadLetter").ProducesProblem(404)
            .WithSummary("Queues a dead notification again, at once, with a fresh count of attempts (audited).");
        return group;
    }

    private static async Task<Results<Ok<List<DeadLetterView>>, ValidationProblem>> ListAsync(int? limit, ClaimsPrincipal user,
        OutboxStore store, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return DeviceProblems.Invalid("limit", $"1 to {MaxLimit}.");
        var dead = await store.ListDeadAsync(user.RequiredScope(), limit ?? MaxLimit, ct);
        return TypedResults.Ok(dead.Select(DeadLetterView.From).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync(long id, ClaimsPrincipal user,
        OutboxStore store, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (!await store.RetryAsync(user.RequiredScope(), id, time.GetUtcNow().UtcDateTime, ct))
            return TypedResults.Problem(statusCode: 404, title: "Not a dead letter",
                detail: $"No dead notification {id} in this bureau.");
        await audit.RecordAsync(user, AuditActions.NotificationRetried, id.ToString(), ct: ct);
        return TypedResults.NoContent();
    }
}
