using CareWatch.Gateway.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>CONNECTs IoT Hub refuses, answered with its codes; raw TLS, so nothing is corrected on the way.</summary>
public sealed class ConnectRefusalTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("ünïcode")]
    public async Task Connect_InvalidClientIdOverMqtt311_IdentifierRejected(string clientId)
    {
        var device = await host.CreateDeviceAsync();
        var before = host.Metrics.RefusedConnections("invalid-client-id");
        await using var client = await RawMqtt.OpenAsync(host);

        await client.SendAsync(RawMqtt.Connect(clientId, RawMqtt.UserName(clientId),
            DeviceClient.Token(device, TimeSpan.FromHours(1))));

        Assert.Equal(2, await client.ReadConnAckAsync()); // identifier rejected
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("invalid-client-id"));
    }

    [Fact]
    public async Task Connect_TooLongClientId_IdentifierRejected()
    {
        var device = await host.CreateDeviceAsync();
        var clientId = new string('a', 129);
        await using var client = await RawMqtt.OpenAsync(host);

        await client.SendAsync(RawMqtt.Connect(clientId, $"{GatewayHost.HostName}/{clientId}/",
            DeviceClient.Token(device, TimeSpan.FromHours(1))));

        Assert.Equal(2, await client.ReadConnAckAsync());
    }

    [Fact]
    public async Task Connect_EmptyClientIdOverMqtt5_ClientIdentifierNotValid()
    {
        var device = await host.CreateDeviceAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = DeviceClient.Options(host, "", DeviceClient.Token(device, TimeSpan.FromHours(1)),
            MqttProtocolVersion.V500, userName: RawMqtt.UserName(device.DeviceId));

        var result = await client.ConnectAsync(options);

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode); // reason 0x85
    }

    [Fact]
    public async Task Connect_Mqtt31_UnacceptableProtocolVersion()
    {
        var device = await host.CreateDeviceAsync();
        var before = host.Metrics.RefusedConnections("mqtt-3.1");
        await using var client = await RawMqtt.OpenAsync(host);

        await client.SendAsync(RawMqtt.Connect(device.DeviceId, RawMqtt.UserName(device.DeviceId),
            DeviceClient.Token(device, TimeSpan.FromHours(1)), level: 3));

        Assert.Equal(1, await client.ReadConnAckAsync()); // unacceptable protocol version
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("mqtt-3.1"));
    }

    [Fact]
    public async Task Connect_ValidRawMqtt311_Accepted()
    {
        // The same bytes with a good client id are accepted: the refusals above are about what they vary.
        var device = await host.CreateDeviceAsync();
        await using var client = await RawMqtt.OpenAsync(host);

        await client.SendAsync(RawMqtt.Connect(device.DeviceId, RawMqtt.UserName(device.DeviceId),
            DeviceClient.Token(device, TimeSpan.FromHours(1))));

        Assert.Equal(0, await client.ReadConnAckAsync());
    }

    [Fact]
    public async Task Connect_TlsClientThatNeverSendsConnect_ClosedAfterConnectTimeoutCounted()
    {
        var before = host.Metrics.RefusedConnections("protocol-error");
        await using var client = await RawMqtt.OpenAsync(host);

        // GatewayHost sets Gateway:ConnectTimeout to 3 s; the deadline only bounds a failing test.
        Assert.True(await client.ClosedByServerAsync(TimeSpan.FromSeconds(30)));
        await Eventually.TrueAsync(() => host.Metrics.RefusedConnections("protocol-error") > before, "counted");
    }
}
