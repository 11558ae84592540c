namespace CareWatch.Storage;

/// <summary>
/// Encrypts device keys before they are stored and decrypts them when a watch authenticates. A port: Storage
/// does not depend on ASP.NET Core, so the composition root adapts Data Protection to it (the server's
/// <c>Adapters/DataProtectionDeviceKeyProtector</c>). Implementations must be thread-safe.
/// </summary>
public interface IDeviceKeyProtector
{
    /// <summary>The stored form of <paramref name="key"/> (a Base64 device key); differs at every call.</summary>
    string Protect(string key);

    /// <summary>
    /// The device key back from its stored form. Throws (a <c>CryptographicException</c>) when the stored form was
    /// tampered with or the key that protected it is no longer in the ring.
    /// </summary>
    string Unprotect(string protectedKey);
}
