using System.Globalization;
using System.Security.Cryptography;
using CareWatch.Monitoring.Notifications;
using CareWatch.Server.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Adapters;

/// <summary>
/// The relatives' "I'm checking on her" links: the alert and the contact, protected with the server's Data
/// Protection keys (so the link can be neither forged nor altered to name another alert or contact) and limited in
/// time. Monitoring's <see cref="IRelativeLinkFactory"/> port, and the reader the Respond page uses.
/// </summary>
public sealed class SignedRelativeLinks(IDataProtectionProvider provider, IOptions<HttpOptions> http, TimeProvider time)
    : IRelativeLinkFactory
{
    /// <summary>Its own purpose: a link can never be read as a cookie or a stored secret, nor the other way round.</summary>
    public const string Purpose = "CareWatch.RelativeLinks.v1";

    /// <summary>How long a link works: long enough for a relative who reads mail the next morning, no longer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The page the link opens.</summary>
    public const string PagePath = "respond";

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <inheritdoc />
    public Uri? Create(long alertId, Guid contactId)
    {
        if (http.Value.PublicBaseUri() is not { } site) return null;
        var token = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{alertId}:{contactId:N}"),
            time.GetUtcNow() + Lifetime);
        return new Uri(site, $"{PagePath}/{Uri.EscapeDataString(token)}");
    }

    /// <summary>The alert and contact a link names; null when it was forged, altered or has expired.</summary>
    public (long AlertId, Guid ContactId)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return null;
        string text;
        try { text = _protector.Unprotect(token, out var expires); if (expires < time.GetUtcNow()) return null; }
        catch (CryptographicException) { return null; }
        return text.Split(':') is [var a, var c] && long.TryParse(a, CultureInfo.InvariantCulture, out var alertId)
               && Guid.TryParseExact(c, "N", out var contactId)
            ? (alertId, contactId)
            : null;
    }
}
