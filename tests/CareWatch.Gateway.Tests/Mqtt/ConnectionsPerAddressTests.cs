using System.Net;
using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway that lets one address hold 2 connections.</summary>
public sealed class TwoPerAddressGatewayHost : GatewayHost
{
    protected override void Configure(IConfiguration configuration) =>
        configuration["Gateway:MaxConnectionsPerAddress"] = "2";
}

/// <summary>A gateway on a fake clock that lets one address open 3 connections, then 1 a minute.</summary>
public sealed class ConnectionRateGatewayHost : FakeClockGatewayHost
{
    protected override void Configure(IConfiguration configuration)
    {
        configuration["Gateway:ConnectionBurstPerAddress"] = "3";
        configuration["Gateway:ConnectionsPerAddressPerMinute"] = "1";
    }
}

public sealed class ConnectionsPerAddressTests(TwoPerAddressGatewayHost host) : IClassFixture<TwoPerAddressGatewayHost>
{
    private static readonly IPEndPoint Loopback = new(IPAddress.Loopback, 0);

    [Fact]
    public async Task Connect_ThirdFromOneAddress_ClosedBeforeTlsCountedAcceptedOnceOneLeft()
    {
        var devices = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.CreateDeviceAsync()));
        var limit = host.Services.GetRequiredService<ConnectionsPerAddress>();
        using var first = await DeviceClient.ConnectAsync(host, devices[0]);
        using var second = await DeviceClient.ConnectAsync(host, devices[1]);
        var refused = host.Metrics.RefusedConnections("too-many-connections");
        using var third = new MqttClientFactory().CreateMqttClient();
        var options = DeviceClient.Options(host, devices[2].DeviceId, DeviceClient.Token(devices[2], TimeSpan.FromHours(1)));

        await Assert.ThrowsAnyAsync<Exception>(() => third.ConnectAsync(options));
        Assert.Equal(refused + 1, host.Metrics.RefusedConnections("too-many-connections"));
        await first.DisconnectAsync();
        await Eventually.TrueAsync(() => limit.OpenFrom(Loopback) == 1, "first connection let go");
        var result = await third.ConnectAsync(options);

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.True(second.IsConnected);
    }
}

public sealed class ConnectionRateTests(ConnectionRateGatewayHost host) : IClassFixture<ConnectionRateGatewayHost>
{
    [Fact]
    public async Task Connect_OverBurstFromOneAddress_ClosedCountedAcceptedAfterRefill()
    {
        var device = await host.CreateDeviceAsync();
        var refused = host.Metrics.RefusedConnections("connection-rate");
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = DeviceClient.Options(host, device.DeviceId, DeviceClient.Token(device, TimeSpan.FromHours(1)));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);
            await client.DisconnectAsync();
        }
        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(options));
        var countedOnce = host.Metrics.RefusedConnections("connection-rate");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterRefill = await client.ConnectAsync(options);

        Assert.Equal(refused + 1, countedOnce);
        Assert.Equal(MqttClientConnectResultCode.Success, afterRefill.ResultCode);
    }
}
