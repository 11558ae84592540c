using System.Security.Claims;
using CareWatch.Storage.Audit;
using Npgsql;

namespace CareWatch.Server.Audit;

/// <summary>
/// Records what a signed-in principal did in the audit log. The actor comes from the principal's claims; the
/// bureau defaults to the principal's own. Details are serialised as a JSON object and must hold ids and
/// non-personal facts only (never names, keys, tokens, connection strings).
/// </summary>
public interface IAuditTrail
{
    /// <summary>The actor as the log records it: user, API key or (unauthenticated) nobody in particular.</summary>
    AuditActor ActorOf(ClaimsPrincipal user);

    /// <summary>Appends an entry in its own transaction.</summary>
    /// <param name="subject">What was acted on: device id, senior id, account id.</param>
    /// <param name="seniorId">The senior the act concerns, so that an erasure can pseudonymise the entry.</param>
    /// <param name="bureauId">The bureau whose log it belongs to; default the principal's bureau.</param>
    Task RecordAsync(ClaimsPrincipal user, AuditAction action, string? subject, object? details = null, Guid? seniorId = null,
        Guid? bureauId = null, CancellationToken ct = default);

    /// <summary>As the other overload, inside the caller's transaction (the act and its record commit together).</summary>
    Task RecordAsync(NpgsqlTransaction transaction, ClaimsPrincipal user, AuditAction action, string? subject,
        object? details = null, Guid? seniorId = null, Guid? bureauId = null, CancellationToken ct = default);

    /// <summary>Appends an entry for an explicit actor (a failed sign-in, a background job).</summary>
    Task RecordAsync(AuditActor actor, AuditAction action, Guid? bureauId, string? subject, object? details = null,
        Guid? seniorId = null, CancellationToken ct = default);
}
