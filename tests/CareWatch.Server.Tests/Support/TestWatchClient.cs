using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using MQTTnet;
using MQTTnet.Formatter;

namespace CareWatch.Server.Tests.Support;

/// <summary>A bare MQTTnet device client for the IoT Hub features the simulator does not use (methods, twin, WebSockets).</summary>
public static class TestWatchClient
{
    /// <summary>How the client reaches the gateway.</summary>
    public enum Transport { Tls, WebSocket, SecureWebSocket }

    public static async Task<IMqttClient> ConnectAsync(ServerHost server, string connectionString,
        Transport transport = Transport.Tls, int httpsPort = 0, MqttProtocolVersion version = MqttProtocolVersion.V311)
    {
        var cs = DeviceConnectionString.Parse(connectionString);
        var token = SasToken.Create(SasToken.DeviceResource(cs.HostName, cs.DeviceId), cs.SharedAccessKey,
            TimeProvider.System.GetUtcNow().AddHours(1));
        var ca = TlsTrust.LoadCa(server.CaCertificatePath);
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(cs.DeviceId)
            .WithCredentials(IotHubTopics.UserName(cs.HostName, cs.DeviceId), token)
            .WithCleanSession()
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(10));
        builder = transport switch
        {
            Transport.Tls => builder.WithTcpServer("127.0.0.1", server.MqttPort),
            Transport.WebSocket => builder.WithWebSocketServer(o => o.WithUri($"ws://127.0.0.1:{server.HttpPort}/$iothub/websocket")),
            _ => builder.WithWebSocketServer(o => o.WithUri($"wss://localhost:{httpsPort}/$iothub/websocket")),
        };
        if (transport != Transport.WebSocket)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls().WithTargetHost("localhost")
                .WithCertificateValidationHandler(e => TlsTrust.Validate(e.Certificate, e.SslPolicyErrors, ca)));
        }
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(builder.Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }
}
