using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CareWatch.Server.Accounts;

/// <summary>
/// The relatives' sign-in invitations: a token naming one contact, protected with the server's Data Protection keys
/// (so it can be neither forged nor altered to name another contact) and limited in time. It works once because
/// taking it up links the contact to the new account, and a contact with an account is not invited again.
/// </summary>
public sealed class InvitationTokens(IDataProtectionProvider provider, TimeProvider time)
{
    /// <summary>Its own purpose: an invitation is never read as a respond link, a cookie or a stored secret.</summary>
    public const string Purpose = "CareWatch.RelativeInvitations.v1";

    /// <summary>How long an invitation works: a week for a relative to get round to it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>A token for the contact, valid for <see cref="Lifetime"/>.</summary>
    public string Create(Guid contactId) => _protector.Protect(contactId.ToString("N"), time.GetUtcNow() + Lifetime);

    /// <summary>The contact a token names; null when it was forged, altered or has expired.</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return null;
        try
        {
            var text = _protector.Unprotect(token, out var expires);
            return expires >= time.GetUtcNow() && Guid.TryParseExact(text, "N", out var contactId) ? contactId : null;
        }
        catch (CryptographicException) { return null; }
    }
}
