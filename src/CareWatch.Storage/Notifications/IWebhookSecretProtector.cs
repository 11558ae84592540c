namespace CareWatch.Storage.Notifications;

/// <summary>
/// Protects webhook signing secrets at rest. A port like <see cref="IDeviceKeyProtector"/>: the server adapts
/// ASP.NET Core Data Protection to it. The dispatcher needs the secret back to sign, so it cannot be a hash.
/// Implementations must be thread-safe.
/// </summary>
public interface IWebhookSecretProtector
{
    /// <summary>The stored form of a secret.</summary>
    string Protect(string secret);

    /// <summary>The secret back; throws (CryptographicException) when tampered with or its key left the ring.</summary>
    string Unprotect(string protectedSecret);
}
