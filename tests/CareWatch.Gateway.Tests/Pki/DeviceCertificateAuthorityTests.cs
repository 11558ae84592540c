using CareWatch.Gateway.Pki;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Security.Cryptography.X509Certificates;

namespace CareWatch.Gateway.Tests.Pki;

public sealed class DeviceCertificateAuthorityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("carewatch-pki-").FullName;

    [Fact]
    public void Create_FirstRun_WritesCaAndServerCertificateWithSans()
    {
        var ca = Create("hub.example.org");

        Assert.True(File.Exists(ca.CaCertificatePath));
        Assert.Equal(Path.Combine(_dir, "pki", "ca.crt"), ca.CaCertificatePath);
        Assert.True(ca.ServerCertificate.HasPrivateKey);
        Assert.True(ca.ServerCertificate.MatchesHostname("hub.example.org"));
        Assert.True(ca.ServerCertificate.MatchesHostname("localhost"));
        Assert.True(ca.ServerCertificate.MatchesHostname("127.0.0.1"));
        Assert.True(ChainsTo(ca.ServerCertificate, ca.CaCertificatePath));
    }

    [Fact]
    public void Create_SecondRun_ReusesCaAndServerCertificate()
    {
        var first = Create("hub.example.org");
        var caThumbprint = X509CertificateLoader.LoadCertificateFromFile(first.CaCertificatePath).Thumbprint;

        var second = Create("hub.example.org");

        Assert.Equal(caThumbprint, X509CertificateLoader.LoadCertificateFromFile(second.CaCertificatePath).Thumbprint);
        Assert.Equal(first.ServerCertificate.Thumbprint, second.ServerCertificate.Thumbprint);
    }

    [Fact]
    public void Create_HostNameChanged_NewServerCertificateSameCa()
    {
        var first = Create("hub.example.org");
        var caThumbprint = X509CertificateLoader.LoadCertificateFromFile(first.CaCertificatePath).Thumbprint;

        var second = Create("other.example.org");

        Assert.Equal(caThumbprint, X509CertificateLoader.LoadCertificateFromFile(second.CaCertificatePath).Thumbprint);
        Assert.NotEqual(first.ServerCertificate.Thumbprint, second.ServerCertificate.Thumbprint);
        Assert.True(second.ServerCertificate.MatchesHostname("other.example.org"));
    }

    [Fact]
    public void Create_ClockEarlierThanTheCaStarts_NewCaAndAServerCertificateItSigned()
    {
        var first = Create("hub.example.org");
        var caThumbprint = X509CertificateLoader.LoadCertificateFromFile(first.CaCertificatePath).Thumbprint;

        // The CA was made valid from a day before its creation; a clock a week earlier is before that.
        var weekEarlier = new ShiftedClock(TimeSpan.FromDays(-7));
        var second = Create("hub.example.org", weekEarlier);

        var newCa = X509CertificateLoader.LoadCertificateFromFile(second.CaCertificatePath);
        Assert.NotEqual(caThumbprint, newCa.Thumbprint);
        Assert.True(newCa.NotBefore.ToUniversalTime() <= weekEarlier.GetUtcNow().UtcDateTime);
        Assert.True(second.ServerCertificate.NotBefore.ToUniversalTime() <= weekEarlier.GetUtcNow().UtcDateTime);
        Assert.True(ChainsTo(second.ServerCertificate, second.CaCertificatePath));
    }

    private DeviceCertificateAuthority Create(string hostName, TimeProvider? time = null) => new(
        Options.Create(new GatewayOptions { DataDirectory = _dir, HostName = hostName }),
        time ?? TimeProvider.System, NullLogger<DeviceCertificateAuthority>.Instance);

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    private static bool ChainsTo(X509Certificate2 cert, string caPath)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(caPath));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(cert);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
