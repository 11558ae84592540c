using System.Security.Claims;
using CareWatch.Storage;

namespace CareWatch.Server.Accounts;

/// <summary>The claims CareWatch puts on a signed-in principal, and the tenant scope they grant.</summary>
public static class CareWatchClaims
{
    /// <summary>The bureau of a staff member, supervisor or integration (a GUID).</summary>
    public const string Bureau = "carewatch:bureau";

    /// <summary>The senior a relative is linked to (a GUID).</summary>
    public const string Senior = "carewatch:senior";

    /// <summary>The person's remembered language (a culture name such as zh-Hans or de), when they chose one.</summary>
    public const string Culture = "carewatch:culture";

    /// <summary>The person's remembered time zone (an IANA id), when they chose one.</summary>
    public const string TimeZone = "carewatch:time-zone";

    /// <summary>
    /// The data this principal may see: its bureau, or for a relative its senior; null when it has neither (an
    /// admin, or anonymous). The authorisation policies admit only principals that have one, so an endpoint behind
    /// them can rely on <see cref="RequiredScope"/>.
    /// </summary>
    public static TenantScope? Scope(this ClaimsPrincipal user)
    {
        if (user.IsInRole(CareWatchRoles.Relative))
            return Guid.TryParse(user.FindFirstValue(Senior), out var senior) && senior != Guid.Empty ? TenantScope.Senior(senior) : null;
        if (user.IsInRole(CareWatchRoles.Staff) || user.IsInRole(CareWatchRoles.Supervisor) || user.IsInRole(CareWatchRoles.Integration))
            return Guid.TryParse(user.FindFirstValue(Bureau), out var bureau) && bureau != Guid.Empty ? TenantScope.Bureau(bureau) : null;
        return null;
    }

    /// <summary>The principal's scope; throws when it has none (an endpoint mapped without its policy).</summary>
    public static TenantScope RequiredScope(this ClaimsPrincipal user) =>
        user.Scope() ?? throw new InvalidOperationException("This endpoint needs a bureau or senior scope; is its policy missing?");

    /// <summary>
    /// The account id of a signed-in person; null for an integration (whose name identifier is its API key's id) or
    /// anyone anonymous.
    /// </summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        !user.IsInRole(CareWatchRoles.Integration) && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;

    /// <summary>The bureau of a staff member, supervisor or integration; throws for anyone else.</summary>
    public static Guid RequiredBureau(this ClaimsPrincipal user) =>
        user.Scope()?.BureauId ?? throw new InvalidOperationException("This endpoint needs a bureau scope; is its policy missing?");
}
