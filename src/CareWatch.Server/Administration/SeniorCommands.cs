using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Seniors;

namespace CareWatch.Server.Administration;

/// <summary>
/// Creating and editing seniors, validated and audited: the one path behind POST/PUT /api/seniors and the
/// administration pages. The audit keeps the time zone and language, never the name (personal data that an erasure
/// could not reach inside the log's details).
/// </summary>
public sealed class SeniorCommands(SeniorProfileStore store, IAuditTrail audit)
{
    /// <summary>Adds a senior to the caller's bureau.</summary>
    public async Task<AdminResult<SeniorProfile>> CreateAsync(ClaimsPrincipal user, SeniorInput input,
        CancellationToken ct = default)
    {
        if (input.Validate() is { Count: > 0 } errors) return AdminResult<SeniorProfile>.Invalid(errors);
        var senior = await store.CreateAsync(user.RequiredScope(), input, ct);
        await audit.RecordAsync(user, AuditActions.SeniorCreated, senior.Id.ToString(), Facts(senior), senior.Id, ct: ct);
        return AdminResult<SeniorProfile>.Done(senior);
    }

    /// <summary>Changes a senior of the caller's bureau; another bureau's senior is not found, whatever the input.</summary>
    public async Task<AdminResult<SeniorProfile>> UpdateAsync(ClaimsPrincipal user, Guid seniorId, SeniorInput input,
        CancellationToken ct = default)
    {
        var scope = user.RequiredScope();
        if (input.Validate() is { Count: > 0 } errors)
        {
            return await store.FindAsync(scope, seniorId, ct) is null
                ? AdminResult<SeniorProfile>.Missing()
                : AdminResult<SeniorProfile>.Invalid(errors);
        }
        var senior = await store.UpdateAsync(scope, seniorId, input, ct);
        if (senior is null) return AdminResult<SeniorProfile>.Missing();
        await audit.RecordAsync(user, AuditActions.SeniorUpdated, senior.Id.ToString(), Facts(senior), senior.Id, ct: ct);
        return AdminResult<SeniorProfile>.Done(senior);
    }

    private static object Facts(SeniorProfile s) => new { s.TimeZone, s.Language };
}
