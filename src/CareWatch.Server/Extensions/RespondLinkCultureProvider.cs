using CareWatch.Server.Adapters;
using CareWatch.Storage.Contacts;
using Microsoft.AspNetCore.Localization;

namespace CareWatch.Server.Extensions;

/// <summary>
/// A relative's signed link (/respond/{token}) opens in the language of the message that carried it (the contact's),
/// without an account: a browser's own choice with the language switch (the cookie) still comes first.
/// </summary>
public sealed class RespondLinkCultureProvider : RequestCultureProvider
{
    private const string Prefix = "/respond/";

    /// <inheritdoc />
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var services = httpContext.RequestServices;
        if (services.GetRequiredService<SignedRelativeLinks>().Read(Uri.UnescapeDataString(path[Prefix.Length..]))
            is not { } link) return null;
        var contact = await services.GetRequiredService<ContactStore>().FindForSystemAsync(link.ContactId,
            httpContext.RequestAborted);
        return CareWatchCultures.Match(contact?.Language) is { } culture ? new ProviderCultureResult(culture) : null;
    }
}
