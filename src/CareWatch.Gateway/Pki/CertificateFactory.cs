using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CareWatch.Gateway.Pki;

/// <summary>Creates and reloads the CA and server certificates with <see cref="CertificateRequest"/>.</summary>
internal static class CertificateFactory
{
    // RSA rather than ECDSA: the oldest TLS stacks in cheap watches still speak only RSA.
    private const int KeySize = 2048;
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    public static X509Certificate2 LoadOrCreateCa(PkiFiles files, DateTimeOffset now)
    {
        if (File.Exists(files.CaCert) && File.Exists(files.CaKey))
        {
            var existing = X509Certificate2.CreateFromPemFile(files.CaCert, files.CaKey);
            // Not yet valid (the clock was set back, or the folder came from a machine ahead of this one): it could
            // not sign a server certificate that starts now, so a new CA replaces it.
            if (existing.NotBefore.ToUniversalTime() <= now.UtcDateTime
                && existing.NotAfter.ToUniversalTime() > now.UtcDateTime + ServerLifetime) return existing;
        }
        Directory.CreateDirectory(files.Directory);
        // Not disposed: the returned CA certificate keeps using this key to sign server certificates.
        var key = RSA.Create(KeySize);
        var request = new CertificateRequest("CN=CareWatch Device CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var ca = request.CreateSelfSigned(now.AddDays(-1), now + CaLifetime);
        WriteSecret(files.CaKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(files.CaCert, ca.ExportCertificatePem());
        // A new CA invalidates the old server certificate.
        File.Delete(files.ServerCert);
        return ca;
    }

    public static X509Certificate2 LoadOrCreateServer(PkiFiles files, X509Certificate2 ca, string hostName, DateTimeOffset now)
    {
        if (File.Exists(files.ServerCert) && File.Exists(files.ServerKey))
        {
            using var existing = X509Certificate2.CreateFromPemFile(files.ServerCert, files.ServerKey);
            if (IsUsable(existing, ca, hostName, now)) return ForTls(existing);
        }
        using var key = RSA.Create(KeySize);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        if (IPAddress.TryParse(hostName, out var ip)) san.AddIpAddress(ip);
        else if (!string.Equals(hostName, "localhost", StringComparison.OrdinalIgnoreCase)) san.AddDnsName(hostName);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var notAfter = Min(now + ServerLifetime, ca.NotAfter.ToUniversalTime());
        using var signed = request.Create(ca, now.AddDays(-1), notAfter, RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);
        WriteSecret(files.ServerKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(files.ServerCert, signed.ExportCertificatePem());
        return ForTls(withKey);
    }

    private static bool IsUsable(X509Certificate2 cert, X509Certificate2 ca, string hostName, DateTimeOffset now)
    {
        if (cert.NotAfter.ToUniversalTime() < now.UtcDateTime + RenewBefore) return false;
        if (cert.Issuer != ca.Subject) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (!chain.Build(cert)) return false;
        return cert.MatchesHostname(hostName);
    }

    // On Linux SslStream needs a certificate whose key came from a PFX, not an ephemeral key.
    private static X509Certificate2 ForTls(X509Certificate2 cert) =>
        X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);

    private static void WriteSecret(string path, string pem)
    {
        File.WriteAllText(path, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, pem);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a.UtcDateTime < b ? a : new DateTimeOffset(b, TimeSpan.Zero);
}
