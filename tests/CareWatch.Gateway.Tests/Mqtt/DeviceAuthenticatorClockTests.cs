using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway on a fake clock (starting at the real time, so its TLS certificate is valid for the client).</summary>
public sealed class FakeClockGatewayHost : GatewayHost
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

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
