using CareWatch.Gateway.Tests.Support;

namespace CareWatch.Gateway.Tests.Ingestion;

public sealed class TelemetryNotifierTests(ObservedGatewayHost host) : IClassFixture<ObservedGatewayHost>
{
    [Fact]
    public async Task OnStored_NewAndDuplicateMessages_ObserverToldOncePerNewMessageWithSenior()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var first = Batches.Payload(Batches.Minutes(1, 2));

        await DeviceClient.PublishAsync(client, device.DeviceId, first);
        await DeviceClient.PublishAsync(client, device.DeviceId, first);
        await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(2, 1)));
        // Notifications are delivered in commit order, so once seq 2 is seen seq 1 cannot come again.
        await host.Observer.WaitForAsync(device.DeviceId, 2);

        var seen = host.Observer.All.Where(t => t.DeviceId == device.DeviceId).Select(t => t.Batch.Seq).ToList();
        Assert.Equal([1L, 2L], seen);
    }

    [Fact]
    public async Task OnStored_ObserverFails_StoredAndCountedThenNextMessageDelivered()
    {
        var failing = await host.CreateDeviceAsync();
        var other = await host.CreateDeviceAsync();
        host.Observer.FailFor = failing.DeviceId;
        var before = host.Metrics.NotificationFailures;
        using var client = await DeviceClient.ConnectAsync(host, failing);
        using var otherClient = await DeviceClient.ConnectAsync(host, other);

        var stored = await DeviceClient.PublishAsync(client, failing.DeviceId, Batches.Payload(Batches.Minutes(1, 2)));
        await DeviceClient.PublishAsync(otherClient, other.DeviceId, Batches.Payload(Batches.Minutes(1, 1)));
        // Commit order: once the other watch's message is delivered, the failed hand-over has happened.
        await host.Observer.WaitForAsync(other.DeviceId, 1);

        Assert.True(stored.IsSuccess);
        Assert.Equal(2, await host.CountAsync("minute_activity", failing.DeviceId));
        Assert.Equal(before + 1, host.Metrics.NotificationFailures);
    }
}
