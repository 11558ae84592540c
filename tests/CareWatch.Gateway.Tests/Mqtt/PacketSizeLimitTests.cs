using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>Tests that measure the process's allocations run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// Clients that announce a huge MQTT packet (256 MB, the MQTT maximum) and stream its body: closed before the
/// body is buffered. Without the limit the gateway buffered every byte sent (4 × 32 MB here).
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class PacketSizeLimitTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private const int MqttMaximum = 268_435_455;
    private const long Streamed = 32L * 1024 * 1024;
    private const long AllowedGrowth = 16L * 1024 * 1024;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OversizeAnnouncedPacket_BeforeConnect_ClosedCountedWithoutBuffering()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RawMqtt.OpenAsync(host)));
        var refused = host.Metrics.RefusedConnections("packet-too-large");
        var allocated = AllocatedBytes();

        var closed = await Task.WhenAll(clients.Select(async c =>
        {
            await c.SendAsync([0x10, .. RawMqtt.RemainingLength(MqttMaximum)]);
            await c.StreamZerosAsync(Streamed);
            return await c.ClosedByServerAsync(Deadline);
        }));

        var growth = AllocatedBytes() - allocated;
        Assert.All(closed, Assert.True);
        Assert.True(growth < AllowedGrowth, $"{growth:N0} bytes allocated while 4 × {Streamed:N0} were sent");
        Assert.Equal(refused + 4, host.Metrics.RefusedConnections("packet-too-large"));
        foreach (var c in clients) await c.DisposeAsync();
    }

    [Fact]
    public async Task OversizeAnnouncedPacket_AfterConnect_ClosedCountedWithoutBuffering()
    {
        var device = await host.CreateDeviceAsync();
        await using var client = await RawMqtt.OpenAsync(host);
        await client.SendAsync(RawMqtt.Connect(device.DeviceId, RawMqtt.UserName(device.DeviceId),
            DeviceClient.Token(device, TimeSpan.FromHours(1))));
        Assert.Equal(0, await client.ReadConnAckAsync());
        var connections = host.Services.GetRequiredService<IDeviceConnections>();
        await Eventually.TrueAsync(() => connections.IsConnected(device.DeviceId), "connection counted");
        var refused = host.Metrics.RefusedConnections("packet-too-large");
        var allocated = AllocatedBytes();

        // A QoS 1 PUBLISH announcing the MQTT maximum.
        await client.SendAsync([0x32, .. RawMqtt.RemainingLength(MqttMaximum)]);
        await client.StreamZerosAsync(Streamed);
        var closed = await client.ClosedByServerAsync(Deadline);

        var growth = AllocatedBytes() - allocated;
        Assert.True(closed);
        Assert.True(growth < AllowedGrowth, $"{growth:N0} bytes allocated while {Streamed:N0} were sent");
        Assert.Equal(refused + 1, host.Metrics.RefusedConnections("packet-too-large"));
        await Eventually.TrueAsync(() => !connections.IsConnected(device.DeviceId), "device shown disconnected");
    }

    [Fact]
    public async Task Publish_LargestIotHubMessage_PassesThePacketLimit()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var refused = host.Metrics.RefusedConnections("packet-too-large");

        // 256 KiB is IoT Hub's limit: acknowledged (and rejected as too large for telemetry v1), not cut off.
        var result = await DeviceClient.PublishAsync(client, device.DeviceId, new byte[PublishRouter.MaxMessageBytes]);

        Assert.True(result.IsSuccess);
        Assert.True(client.IsConnected);
        Assert.Equal(refused, host.Metrics.RefusedConnections("packet-too-large"));
    }

    // Every managed allocation of the process (server and these clients) since it started.
    private static long AllocatedBytes() => GC.GetTotalAllocatedBytes(precise: true);
}
