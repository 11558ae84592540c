using CareWatch.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CareWatch.Server.Adapters;

/// <summary>Storage's <see cref="IDeviceKeyProtector"/> port, adapted to ASP.NET Core Data Protection.</summary>
public sealed class DataProtectionDeviceKeyProtector(IDataProtectionProvider provider) : IDeviceKeyProtector
{
    /// <summary>
    /// The purpose isolates device keys from everything else the ring protects (cookies, anti-forgery tokens):
    /// a payload protected for one purpose cannot be unprotected for another. Never change it in place: stored
    /// keys would no longer decrypt. A new scheme gets ".v2" and a step that re-protects the rows.
    /// </summary>
    public const string Purpose = "CareWatch.DeviceKeys.v1";

    // CreateProtector is not free (it derives a subkey per purpose on use); one protector, thread-safe, for all.
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <inheritdoc />
    public string Protect(string key) => _protector.Protect(key);

    /// <inheritdoc />
    public string Unprotect(string protectedKey) => _protector.Unprotect(protectedKey);
}
