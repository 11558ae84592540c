using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

public sealed class DeviceAuthenticatorClockTests(FakeClockGatewayHost host) : IClassFixture<FakeClockGatewayHost>
{
    [Fact]
    public async Task Connect_TokenExpiringAfterInjectedNow_AcceptedThenRefusedWhenClockPassesIt()
    {
        var device = await host.CreateDeviceAsync();
        var token = SasToken.Create(SasToken.DeviceResource(GatewayHost.HostName, device.DeviceId), device.PrimaryKey,
            host.Clock.GetUtcNow().AddHours(1));
        using var client = new MqttClientFactory().CreateMqttClient();

        var accepted = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, token));
        await client.DisconnectAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));
        // Still valid by the wall clock: only the injected clock says it has expired.
        var refused = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, token));

        Assert.Equal(MqttClientConnectResultCode.Success, accepted.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
    }
}
