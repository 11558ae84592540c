using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Privacy;

namespace CareWatch.Server.Administration;

/// <summary>
/// Recording and withdrawing a senior's consent, validated (ConsentsApi and the contacts page). The store writes
/// the audit entry in the consent's own transaction.
/// </summary>
public sealed class ConsentCommands(ConsentStore consents, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Records who consented to what; not found for a senior outside the caller's bureau.</summary>
    public async Task<AdminResult<ConsentRecord>> RecordAsync(ClaimsPrincipal user, Guid seniorId, string? givenBy,
        string? representative, IReadOnlyList<string>? purposes, DateTimeOffset? consentedAt, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (givenBy is null || !ConsentGivers.All.Contains(givenBy))
            errors["givenBy"] = [$"One of: {string.Join(", ", ConsentGivers.All)}."];
        representative = string.IsNullOrWhiteSpace(representative) ? null : representative.Trim();
        if (givenBy == ConsentGivers.LegalRepresentative && representative is null)
            errors["representative"] = ["Required when a legal representative consents."];
        if (givenBy == ConsentGivers.Senior && representative is not null)
            errors["representative"] = ["Only when a legal representative consents."];
        if (representative is { Length: > 200 }) errors["representative"] = ["At most 200 characters."];
        var distinct = purposes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (distinct.Count == 0 || distinct.Any(p => !ConsentPurposes.All.Contains(p)))
            errors["purposes"] = [$"One or more of: {string.Join(", ", ConsentPurposes.All)}."];
        if (errors.Count > 0) return AdminResult<ConsentRecord>.Invalid(errors);

        var consent = new NewConsent(givenBy!, representative, distinct, (consentedAt ?? time.GetUtcNow()).UtcDateTime);
        var recorded = await consents.RecordAsync(user.RequiredScope(), seniorId, consent, audit.ActorOf(user), ct);
        return recorded is null ? AdminResult<ConsentRecord>.Missing() : AdminResult<ConsentRecord>.Done(recorded);
    }

    /// <summary>Marks an open consent withdrawn now; false when the senior (in the caller's bureau) has none by that id.</summary>
    public Task<bool> WithdrawAsync(ClaimsPrincipal user, Guid seniorId, long consentId, CancellationToken ct = default) =>
        consents.WithdrawAsync(user.RequiredScope(), seniorId, consentId, audit.ActorOf(user), ct);
}
