using System.Security.Claims;
using System.Text.Json;
using CareWatch.Server.Accounts;
using CareWatch.Storage.Audit;
using Npgsql;

namespace CareWatch.Server.Audit;

/// <summary>The <see cref="IAuditTrail"/> over <see cref="AuditLog"/>.</summary>
public sealed class AuditTrail(AuditLog log) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public AuditActor ActorOf(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.IsInRole(CareWatchRoles.Integration))
            return new AuditActor(AuditActorKind.ApiKey, id, user.FindFirstValue(ClaimTypes.Name));
        // A relative is a private person: the log keeps the account id only, never their name.
        var display = user.IsInRole(CareWatchRoles.Relative) ? null : user.FindFirstValue(ClaimTypes.Name);
        return new AuditActor(AuditActorKind.User, id, display);
    }

    /// <inheritdoc />
    public Task RecordAsync(ClaimsPrincipal user, AuditAction action, string? subject, object? details = null,
        Guid? seniorId = null, Guid? bureauId = null, CancellationToken ct = default) =>
        log.AppendAsync(Entry(ActorOf(user), action, bureauId ?? user.Scope()?.BureauId, subject, details, seniorId), ct);

    /// <inheritdoc />
    public Task RecordAsync(NpgsqlTransaction transaction, ClaimsPrincipal user, AuditAction action, string? subject,
        object? details = null, Guid? seniorId = null, Guid? bureauId = null, CancellationToken ct = default) =>
        log.AppendAsync(Entry(ActorOf(user), action, bureauId ?? user.Scope()?.BureauId, subject, details, seniorId), transaction, ct);

    /// <inheritdoc />
    public Task RecordAsync(AuditActor actor, AuditAction action, Guid? bureauId, string? subject, object? details = null,
        Guid? seniorId = null, CancellationToken ct = default) =>
        log.AppendAsync(Entry(actor, action, bureauId, subject, details, seniorId), ct);

    private static AuditEntry Entry(AuditActor actor, AuditAction action, Guid? bureauId, string? subject, object? details,
        Guid? seniorId) =>
        new(actor, action, bureauId, subject, seniorId, details is null ? "{}" : JsonSerializer.Serialize(details, Json));
}
