using Microsoft.AspNetCore.Localization;

namespace CareWatch.Server.Accounts;

/// <summary>
/// The signed-in person's own language (users.culture, a claim since sign-in): it follows them from the office
/// PC to the night-shift tablet. The language cookie of this browser comes first, then this, then the browser's
/// Accept-Language.
/// </summary>
public sealed class AccountCultureProvider : RequestCultureProvider
{
    /// <inheritdoc />
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.User.FindFirst(CareWatchClaims.Culture)?.Value;
        return Task.FromResult(string.IsNullOrEmpty(culture) ? null : new ProviderCultureResult(culture));
    }
}
