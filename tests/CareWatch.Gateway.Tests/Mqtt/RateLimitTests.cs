using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway that lets a watch send 3 messages and then 1 a minute.</summary>
public sealed class StrictRateGatewayHost : GatewayHost
{
    protected override void Configure(IConfiguration configuration)
    {
        configuration["Gateway:DeviceMessagesPerMinute"] = "1";
        configuration["Gateway:DeviceMessageBurst"] = "3";
    }
}

public sealed class RateLimitTests(StrictRateGatewayHost host) : IClassFixture<StrictRateGatewayHost>
{
    [Fact]
    public async Task Flood_OverBurst_DisconnectedWithoutAckEarlierMessagesKept()
    {
        var device = await host.CreateDeviceAsync();
        var bystander = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        using var other = await DeviceClient.ConnectAsync(host, bystander);
        var before = host.Metrics.RefusedConnections("throttled");

        for (var seq = 1; seq <= 3; seq++)
            Assert.True((await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(seq, 1, Batches.ThisMinute().AddMinutes(seq - 10)))) ).IsSuccess);
        await Assert.ThrowsAnyAsync<Exception>(() => DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(4, 1))));
        var otherResult = await DeviceClient.PublishAsync(other, bystander.DeviceId, Batches.Payload(Batches.Minutes(1, 1)));

        await Eventually.TrueAsync(() => !client.IsConnected, "flooding client disconnected");
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("throttled"));
        Assert.Equal(3, await host.CountAsync("device_messages", device.DeviceId));
        Assert.True(otherResult.IsSuccess);
    }
}
