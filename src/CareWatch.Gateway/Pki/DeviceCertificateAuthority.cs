using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Pki;

/// <summary>
/// The gateway's private certificate authority. Watches trust its CA certificate (like IoT Hub's
/// DigiCert root); the MQTT listener presents a server certificate it signed. Both are created under
/// <c>{DataDirectory}/pki/</c> on first run and reused afterwards.
/// </summary>
public sealed class DeviceCertificateAuthority
{
    private readonly Lazy<X509Certificate2> _serverCertificate;

    /// <summary>Loads or creates the CA and server certificate.</summary>
    public DeviceCertificateAuthority(IOptions<GatewayOptions> options, TimeProvider time, ILogger<DeviceCertificateAuthority> logger)
    {
        var o = options.Value;
        var directory = Path.GetFullPath(Path.Combine(o.DataDirectory, "pki"));
        var files = new PkiFiles(directory);
        CaCertificatePath = files.CaCert;
        var now = time.GetUtcNow();
        // Created eagerly so the CA file exists (and is logged) as soon as the gateway starts.
        var ca = CertificateFactory.LoadOrCreateCa(files, now);
        _serverCertificate = new Lazy<X509Certificate2>(() => CertificateFactory.LoadOrCreateServer(files, ca, o.HostName, now));
        _ = _serverCertificate.Value;
        logger.LogInformation("Device CA certificate: {Path}", CaCertificatePath);
    }

    /// <summary>Absolute path of the CA certificate (PEM) that devices must trust.</summary>
    public string CaCertificatePath { get; }

    /// <summary>The TLS server certificate with its private key, ready for Kestrel.</summary>
    public X509Certificate2 ServerCertificate => _serverCertificate.Value;
}
