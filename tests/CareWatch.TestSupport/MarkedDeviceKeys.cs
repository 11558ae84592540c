using CareWatch.TestSupport;
using CareWatch.Storage;

namespace CareWatch.TestSupport;

/// <summary>
/// A reversible stand-in for Data Protection in the storage and monitoring tests, which do not host ASP.NET Core: the stored form
/// is visibly not the key, so a test can tell which columns hold what. The real protector is tested in the server.
/// </summary>
public sealed class MarkedDeviceKeys : IDeviceKeyProtector
{
    private const string Mark = "protected:";

    public string Protect(string key) => Mark + new string(key.Reverse().ToArray());

    public string Unprotect(string protectedKey) =>
        protectedKey.StartsWith(Mark, StringComparison.Ordinal)
            ? new string(protectedKey[Mark.Length..].Reverse().ToArray())
            : throw new System.Security.Cryptography.CryptographicException("not protected");
}
