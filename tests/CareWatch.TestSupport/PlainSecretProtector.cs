using CareWatch.Storage.Notifications;

namespace CareWatch.TestSupport;

/// <summary>A reversible stand-in for Data Protection (tests only): marks the secret so a test can see it was used.</summary>
public sealed class PlainSecretProtector : IWebhookSecretProtector
{
    /// <inheritdoc />
    public string Protect(string secret) => "protected:" + secret;

    /// <inheritdoc />
    public string Unprotect(string protectedSecret) => protectedSecret["protected:".Length..];
}
