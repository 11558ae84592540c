using CareWatch.Gateway.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareWatch.Gateway.Tests.Mqtt;

public sealed class PublishRouterTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Publish_Qos2_ConnectionClosedEarlierMessageKept()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 2)));
        var before = host.Metrics.RefusedConnections("qos2-not-supported");

        var qos2 = new MqttApplicationMessageBuilder()
            .WithTopic($"devices/{device.DeviceId}/messages/events/schema=carewatch.v1")
            .WithPayload(Batches.Payload(Batches.Minutes(2, 1)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.ExactlyOnce)
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => client.PublishAsync(qos2));

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("qos2-not-supported"));
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Publish_Over256KB_ConnectionClosedNothingStored()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 2)));
        var before = host.Metrics.RefusedConnections("message-too-large");

        await Assert.ThrowsAnyAsync<Exception>(() =>
            DeviceClient.PublishAsync(client, device.DeviceId, new byte[256 * 1024 + 1]));

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("message-too-large"));
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Publish_OtherDevicesTopic_ConnectionClosedEarlierMessageKept()
    {
        var device = await host.CreateDeviceAsync();
        var victim = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 2)));
        var before = host.Metrics.RefusedConnections("publish-not-authorized");

        await Assert.ThrowsAnyAsync<Exception>(() =>
            DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(2, 1)), topicDevice: victim.DeviceId));

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("publish-not-authorized"));
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
        Assert.Equal(0, await host.CountAsync("device_messages", victim.DeviceId));
    }

    [Fact]
    public async Task Publish_UnknownIotHubTopic_ConnectionClosed()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var before = host.Metrics.RefusedConnections("publish-not-authorized");

        await Assert.ThrowsAnyAsync<Exception>(() => client.PublishStringAsync("$iothub/something/else", "x", MqttQualityOfServiceLevel.AtLeastOnce));

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
        Assert.Equal(before + 1, host.Metrics.RefusedConnections("publish-not-authorized"));
    }
}
