using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// Server certificate checks. With a CA file only that CA is trusted (CustomRootTrust), as a watch
/// provisioned for one private gateway would; otherwise the operating system's store decides.
/// </summary>
public static class TlsTrust
{
    /// <summary>Loads the CA certificate(s) of a PEM file; throws with the file named when it cannot.</summary>
    public static X509Certificate2Collection LoadCa(string pemFile)
    {
        if (!File.Exists(pemFile)) throw new FileNotFoundException($"CA file '{pemFile}' does not exist", pemFile);
        var roots = new X509Certificate2Collection();
        try { roots.ImportFromPemFile(pemFile); }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidDataException($"CA file '{pemFile}' is not a PEM certificate: {ex.Message}", ex);
        }
        if (roots.Count == 0) throw new InvalidDataException($"CA file '{pemFile}' holds no certificate");
        return roots;
    }

    /// <summary>True when <paramref name="certificate"/> is acceptable for the host it was presented for.</summary>
    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? customRoots)
    {
        if (customRoots is null) return errors == SslPolicyErrors.None;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) return false;
        // A wrong host name stays fatal; only the chain is re-checked against our own root.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(customRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // private CAs publish no CRL
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
