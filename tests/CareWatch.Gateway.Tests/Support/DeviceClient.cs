using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CareWatch.Protocol;
using CareWatch.Storage;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>A watch as the Azure IoT SDKs implement it: MQTT over TLS trusting only the gateway's CA, SAS password.</summary>
public static class DeviceClient
{
    public static MqttClientOptions Options(GatewayHost host, string deviceId, string password,
        MqttProtocolVersion version = MqttProtocolVersion.V311, string? userName = null)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(host.CaPath);
        return new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", host.Port)
            .WithClientId(deviceId)
            .WithCredentials(userName ?? $"{GatewayHost.HostName}/{deviceId}/?api-version=2021-04-12&DeviceClientType=carewatch-test", password)
            .WithProtocolVersion(version)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost("localhost")
                .WithCertificateValidationHandler(e => TrustedByCa(e.Certificate, e.SslPolicyErrors, ca)))
            .Build();
    }

    public static string Token(DeviceCredentials device, TimeSpan validFor, string? key = null, string? forDevice = null) =>
        SasToken.Create(SasToken.DeviceResource(GatewayHost.HostName, forDevice ?? device.DeviceId),
            key ?? device.PrimaryKey, TimeProvider.System.GetUtcNow().Add(validFor));

    public static async Task<IMqttClient> ConnectAsync(GatewayHost host, DeviceCredentials device,
        MqttProtocolVersion version = MqttProtocolVersion.V311)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(host, device.DeviceId, Token(device, TimeSpan.FromHours(1)), version));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string deviceId, byte[] payload,
        string schema = TelemetryLimits.Schema, string? topicDevice = null)
    {
        var topic = IotHubTopics.Telemetry(topicDevice ?? deviceId,
            [new("schema", schema), new("$.mid", Guid.NewGuid().ToString())]);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        return client.PublishAsync(message);
    }

    public static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    // Custom root trust: the chain must end at the gateway's CA, and the name must still match.
    private static bool TrustedByCa(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
