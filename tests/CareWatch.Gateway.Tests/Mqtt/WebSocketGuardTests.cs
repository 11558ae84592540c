using System.Net.WebSockets;
using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.Configuration;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway that also serves MQTT over WebSockets on an HTTPS port.</summary>
public sealed class WebSocketGatewayHost : GatewayHost
{
    public int HttpsPort { get; } = FreePort.Next();

    public Uri WebSocketUri => new($"wss://localhost:{HttpsPort}{GatewayExtensions.WebSocketPath}");

    protected override void Configure(IConfiguration configuration) =>
        configuration["Http:HttpsPort"] = HttpsPort.ToString();
}

public sealed class WebSocketGuardTests(WebSocketGatewayHost host) : IClassFixture<WebSocketGatewayHost>
{
    [Fact]
    public async Task WebSocket_UpgradedButSilent_ClosedAfterConnectTimeoutCounted()
    {
        var before = host.Metrics.RefusedConnections("protocol-error");
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("mqtt");
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        await socket.ConnectAsync(host.WebSocketUri, CancellationToken.None);

        // GatewayHost sets Gateway:ConnectTimeout to 3 s; the deadline only bounds a failing test.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var closed = false;
        try
        {
            var result = await socket.ReceiveAsync(new byte[16], deadline.Token);
            closed = result.MessageType == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            closed = true; // aborted without a close handshake
        }

        Assert.True(closed);
        await Eventually.TrueAsync(() => host.Metrics.RefusedConnections("protocol-error") > before, "counted");
    }

    [Fact]
    public async Task Publish_LargestIotHubMessageOverWebSocket_Acknowledged()
    {
        var device = await host.CreateDeviceAsync();
        var options = DeviceClient.Options(host, device.DeviceId, DeviceClient.Token(device, TimeSpan.FromHours(1)));
        options.ChannelOptions = new MqttClientWebSocketOptions
        {
            Uri = host.WebSocketUri.ToString(),
            TlsOptions = options.ChannelOptions.TlsOptions,
        };
        using var client = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);

        // The packet limit in front of MQTT over WebSockets lets IoT Hub's largest message through.
        var result = await DeviceClient.PublishAsync(client, device.DeviceId, new byte[PublishRouter.MaxMessageBytes]);

        Assert.True(result.IsSuccess);
        Assert.True(client.IsConnected);
    }
}
