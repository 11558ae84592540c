using CareWatch.Server.Accounts;
using CareWatch.Server.Adapters;
using CareWatch.Storage.Contacts;
using Microsoft.AspNetCore.Localization;

namespace CareWatch.Server.Extensions;

/// <summary>
/// A relative's signed links (/respond/{token}, and the sign-in invitation /Account/Invite/{token}) open in the
/// contact's language (the language of the message that carried them), without an account: a browser's own choice
/// with the language switch (the cookie) still comes first.
/// </summary>
public sealed class RespondLinkCultureProvider : RequestCultureProvider
{
    private const string RespondPrefix = "/respond/";
    private const string InvitePrefix = "/Account/Invite/";

    /// <inheritdoc />
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path.Value;
        var services = httpContext.RequestServices;
        Guid? contactId = null;
        if (path?.StartsWith(RespondPrefix, StringComparison.OrdinalIgnoreCase) == true)
            contactId = services.GetRequiredService<SignedRelativeLinks>()
                .Read(Uri.UnescapeDataString(path[RespondPrefix.Length..]))?.ContactId;
        else if (path?.StartsWith(InvitePrefix, StringComparison.OrdinalIgnoreCase) == true)
            contactId = services.GetRequiredService<InvitationTokens>().Read(Uri.UnescapeDataString(path[InvitePrefix.Length..]));
        if (contactId is null) return null;
        var contact = await services.GetRequiredService<ContactStore>().FindForSystemAsync(contactId.Value,
            httpContext.RequestAborted);
        return CareWatchCultures.Match(contact?.Language) is { } culture ? new ProviderCultureResult(culture) : null;
    }
}
