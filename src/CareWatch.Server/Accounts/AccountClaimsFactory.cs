using System.Security.Claims;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Accounts;

/// <summary>
/// Puts the account's role and tenant (bureau, or senior for a relative) on the signed-in principal, next to the
/// id, name and security stamp Identity adds. Tenant scope comes from these claims only (<see cref="CareWatchClaims"/>).
/// </summary>
public sealed class AccountClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, user.Role));
        if (user.BureauId is { } bureau) identity.AddClaim(new Claim(CareWatchClaims.Bureau, bureau.ToString()));
        if (user.SeniorId is { } senior) identity.AddClaim(new Claim(CareWatchClaims.Senior, senior.ToString()));
        if (user.Culture is { Length: > 0 } culture) identity.AddClaim(new Claim(CareWatchClaims.Culture, culture));
        if (user.TimeZone is { Length: > 0 } zone) identity.AddClaim(new Claim(CareWatchClaims.TimeZone, zone));
        return identity;
    }
}
