using CareWatch.Storage.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace CareWatch.Server.Adapters;

/// <summary>Storage's <see cref="IWebhookSecretProtector"/> port, adapted to ASP.NET Core Data Protection.</summary>
public sealed class DataProtectionWebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    /// <summary>
    /// Its own purpose, so a stored webhook secret can never be unprotected as a device key or a cookie (and the
    /// other way round). Never change it in place: stored secrets would no longer decrypt.
    /// </summary>
    public const string Purpose = "CareWatch.WebhookSecrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <inheritdoc />
    public string Protect(string secret) => _protector.Protect(secret);

    /// <inheritdoc />
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
