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
}
