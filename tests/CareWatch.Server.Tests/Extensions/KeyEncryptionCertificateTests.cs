using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>DataProtection:KeyEncryptionCertificatePath: the key ring is stored encrypted.</summary>
public sealed class KeyEncryptionCertificateTests : IAsyncLifetime
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"carewatch-kek-{Guid.NewGuid():N}.pfx");
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CareWatch key encryption (test)", rsa, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pkcs12, "test-password"));
    }

    [Fact]
    public async Task Start_CertificateConfigured_RingStoredEncryptedAndDeviceKeysStillWork()
    {
        string[] settings =
        [
            $"DataProtection:KeyEncryptionCertificatePath={_pfx}",
            "DataProtection:KeyEncryptionCertificatePassword=test-password",
        ];
        await using var server = await ServerHost.StartAsync(_db.ConnectionString, settings);
        await server.WaitUntilReadyAsync();
        var watch = await Arrange.WatchAsync(server, (await Arrange.SeniorAsync(server, "Test Senior")).Id);

        await DataProtectionTests.SendOneMinuteAsync(server, watch.ConnectionString);

        var xml = await _db.ScalarAsync<string>(
            "SELECT xml FROM data_protection_keys WHERE friendly_name LIKE 'key-%'");
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<value>", xml); // the plain master key's element
        Assert.Equal(1L, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM minute_activity WHERE device_id = @d", ("d", watch.DeviceId)));
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        File.Delete(_pfx);
    }
}
