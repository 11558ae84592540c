using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CareWatch.FirmwareSim.Device;

namespace CareWatch.FirmwareSim.Tests.Device;

public sealed class TlsTrustTests
{
    private static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Leaf(X509Certificate2 ca)
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        return request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), [1, 2, 3, 4]);
    }

    [Fact]
    public void Validate_LeafSignedByGivenCa_Accepted()
    {
        using var ca = Ca("CareWatch test CA");
        using var leaf = Leaf(ca);

        Assert.True(TlsTrust.Validate(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [ca]));
    }

    [Fact]
    public void Validate_LeafSignedByOtherCa_Rejected()
    {
        using var ca = Ca("CareWatch test CA");
        using var other = Ca("Someone else");
        using var leaf = Leaf(other);

        Assert.False(TlsTrust.Validate(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [ca]));
    }

    [Fact]
    public void Validate_NameMismatch_RejectedEvenWithCa()
    {
        using var ca = Ca("CareWatch test CA");
        using var leaf = Leaf(ca);

        Assert.False(TlsTrust.Validate(leaf, SslPolicyErrors.RemoteCertificateNameMismatch, [ca]));
    }

    [Fact]
    public void LoadCa_NotPem_ClearError()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a certificate");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => TlsTrust.LoadCa(path));
            Assert.Contains(path, ex.Message);
        }
        finally { File.Delete(path); }
    }
}
