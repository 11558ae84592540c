using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A person's notification preferences as the API shows and takes them.</summary>
/// <param name="Channels">signalr and/or email, for non-urgent notifications (urgent ones always go).</param>
/// <param name="QuietFrom">Quiet hours start, "22:00" in the bureau's local time; null for none.</param>
/// <param name="QuietUntil">Quiet hours end, "07:00"; set together with <paramref name="QuietFrom"/>.</param>
public sealed record NotificationPreferencesView(IReadOnlyList<string>? Channels, TimeOnly? QuietFrom, TimeOnly? QuietUntil);

/// <summary>/api/me/notifications: a staff member's or supervisor's own channels and quiet hours.</summary>
public static class MyNotificationsApi
{
    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauStaff"/>.</summary>
    public static RouteGroupBuilder MapMyNotificationsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/me/notifications").WithTags("Notifications").ProducesValidationProblem();
        group.MapGet("/", GetAsync).WithName("GetMyNotificationPreferences").ProducesProblem(404)
            .WithSummary("How you are told of non-urgent notifications: channels and quiet hours.");
        group.MapPut("/", PutAsync).WithName("PutMyNotificationPreferences").ProducesProblem(404)
            .WithSummary("Replaces your channels and quiet hours (audited). Urgent alarms always reach you.");
        return group;
    }

    private static async Task<Results<Ok<NotificationPreferencesView>, ProblemHttpResult>> GetAsync(ClaimsPrincipal user,
        NotificationPreferencesStore store, CancellationToken ct) =>
        user.AccountId() is { } id && await store.FindAsync(id, ct) is { } p
            ? TypedResults.Ok(new NotificationPreferencesView(p.Channels, p.QuietFrom, p.QuietUntil))
            : NotFound();

    private static async Task<Results<Ok<NotificationPreferencesView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        NotificationPreferencesView request, ClaimsPrincipal user, NotificationPreferencesStore store, IAuditTrail audit,
        CancellationToken ct)
    {
        var preferences = new NotificationPreferences(request.Channels ?? [], request.QuietFrom, request.QuietUntil);
        if (preferences.Invalid() is { } invalid) return DeviceProblems.Invalid(invalid.Field, invalid.Reason);
        if (user.AccountId() is not { } id || !await store.UpdateAsync(id, preferences, ct)) return NotFound();
        await audit.RecordAsync(user, AuditActions.NotificationPreferencesChanged, id.ToString(),
            new { preferences.Channels, quietHours = preferences.QuietFrom is not null }, ct: ct);
        return TypedResults.Ok(new NotificationPreferencesView(preferences.Channels, preferences.QuietFrom, preferences.QuietUntil));
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "No account",
        detail: "Notification preferences belong to a signed-in person's account.");
}
