using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway on a fake clock that allows SAS tokens 30 s past their expiry.</summary>
public sealed class ExpiryGatewayHost : FakeClockGatewayHost
{
    protected override void Configure(IConfiguration configuration) =>
        configuration["Gateway:SasClockSkew"] = "00:00:30";
}

public sealed class SessionExpiryTests(ExpiryGatewayHost host) : IClassFixture<ExpiryGatewayHost>
{
    private IDeviceConnections Connections => host.Services.GetRequiredService<IDeviceConnections>();

    [Fact]
    public async Task Connection_TokenOfFiveSeconds_ClosedOnceExpiryAndSkewPassOthersStay()
    {
        var device = await host.CreateDeviceAsync();
        var bystander = await host.CreateDeviceAsync();
        using var client = await ConnectAsync(device, TimeSpan.FromSeconds(5));
        using var other = await ConnectAsync(bystander, TimeSpan.FromHours(1));
        var gone = new TaskCompletionSource();
        client.DisconnectedAsync += _ => { gone.TrySetResult(); return Task.CompletedTask; };
        var closed = host.Metrics.ClosedConnections("token-expired");

        // Past the expiry but within the skew: still connected.
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var publishedWithinSkew = await DeviceClient.PublishAsync(client, device.DeviceId,
            Batches.Payload(Batches.Minutes(1, 1)));
        host.Clock.Advance(TimeSpan.FromSeconds(16));
        await gone.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(publishedWithinSkew.IsSuccess);
        Assert.Equal(closed + 1, host.Metrics.ClosedConnections("token-expired"));
        await Eventually.TrueAsync(() => !Connections.IsConnected(device.DeviceId), "device shown disconnected");
        Assert.True(other.IsConnected);
        var published = await DeviceClient.PublishAsync(other, bystander.DeviceId,
            Batches.Payload(Batches.Minutes(1, 1)));
        Assert.True(published.IsSuccess);
    }

    private async Task<IMqttClient> ConnectAsync(DeviceCredentials device, TimeSpan validFor)
    {
        var token = SasToken.Create(SasToken.DeviceResource(GatewayHost.HostName, device.DeviceId), device.PrimaryKey,
            host.Clock.GetUtcNow().Add(validFor));
        var client = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success,
            (await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, token))).ResultCode);
        // The expiry timer is set when the gateway counts the connection.
        await Eventually.TrueAsync(() => Connections.IsConnected(device.DeviceId), "connection counted");
        return client;
    }
}
