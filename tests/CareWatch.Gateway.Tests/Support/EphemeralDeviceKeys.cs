using CareWatch.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>
/// Real Data Protection with an in-memory ring, for gateway hosts without the server's PostgreSQL ring: the
/// registry stores and reads encrypted keys exactly as in production.
/// </summary>
public sealed class EphemeralDeviceKeys : IDeviceKeyProtector
{
    private readonly IDataProtector _protector =
        new EphemeralDataProtectionProvider().CreateProtector("CareWatch.DeviceKeys.v1");

    public string Protect(string key) => _protector.Protect(key);

    public string Unprotect(string protectedKey) => _protector.Unprotect(protectedKey);
}
