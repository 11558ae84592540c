using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

public sealed class ConnectionLifecycleTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private IDeviceConnections Connections => host.Services.GetRequiredService<IDeviceConnections>();

    [Fact]
    public async Task SecondConnection_SameDevice_ReplacesFirstAndStaysConnected()
    {
        var device = await host.CreateDeviceAsync();
        using var first = await DeviceClient.ConnectAsync(host, device);
        var firstGone = new TaskCompletionSource();
        first.DisconnectedAsync += _ => { firstGone.TrySetResult(); return Task.CompletedTask; };

        using var second = await DeviceClient.ConnectAsync(host, device);
        await firstGone.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var result = await DeviceClient.PublishAsync(second, device.DeviceId, Batches.Payload(Batches.Minutes(1, 1)));

        Assert.False(first.IsConnected);
        Assert.True(result.IsSuccess);
        Assert.True(Connections.IsConnected(device.DeviceId));
        await second.DisconnectAsync();
        await Eventually.TrueAsync(() => !Connections.IsConnected(device.DeviceId), "device shown disconnected");
    }

    [Fact]
    public async Task Reconnect_WithRenewedToken_Accepted()
    {
        var device = await host.CreateDeviceAsync();
        var shortLived = DeviceClient.Token(device, TimeSpan.FromSeconds(30));
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, shortLived));
        // The gateway counts a connection in MQTTnet's connected event, raised after CONNACK is sent, and lets it
        // go after the client has gone: wait for each, so the reconnect is not taken for a takeover of a
        // connection the gateway is still closing, and no state is read before the gateway has seen it.
        await Eventually.TrueAsync(() => Connections.IsConnected(device.DeviceId), "first connection counted");
        await client.DisconnectAsync();
        await Eventually.TrueAsync(() => !Connections.IsConnected(device.DeviceId), "first connection closed");

        // A fresh token signed with the secondary key, as a watch does after rotating.
        var renewed = DeviceClient.Token(device, TimeSpan.FromHours(2), key: device.SecondaryKey);
        var result = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, renewed));

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await Eventually.TrueAsync(() => Connections.IsConnected(device.DeviceId), "reconnection counted");
        var published = await DeviceClient.PublishAsync(client, device.DeviceId,
            Batches.Payload(Batches.Minutes(1, 1)));
        Assert.True(published.IsSuccess);
    }

    [Fact]
    public async Task Connect_RecordsConnectedAtAndDisconnectedAt()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        await client.DisconnectAsync();

        await Eventually.TrueAsync(() => !Connections.IsConnected(device.DeviceId), "device shown disconnected");
        await Eventually.TrueAsync(() => host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM devices WHERE device_id = @d AND last_connected_at IS NOT NULL AND last_disconnected_at IS NOT NULL",
            ("d", device.DeviceId)).Result == 1, "timestamps recorded");
    }

    [Fact]
    public async Task Disconnect_ByService_ClosesConnection()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);

        await Connections.DisconnectAsync(device.DeviceId);

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
    }

    [Fact]
    public async Task DisconnectByKey_PrimaryRegenerated_PrimarySessionClosedSecondarySessionStays()
    {
        var onPrimary = await host.CreateDeviceAsync();
        var onSecondary = await host.CreateDeviceAsync();
        using var primaryClient = await ConnectAsync(onPrimary, onPrimary.PrimaryKey);
        using var secondaryClient = await ConnectAsync(onSecondary, onSecondary.SecondaryKey);
        var closed = host.Metrics.ClosedConnections("key-regenerated");

        foreach (var device in new[] { onPrimary, onSecondary })
        {
            await host.Registry.RegenerateKeyAsync(host.Bureau, device.DeviceId, DeviceKey.Primary);
            await Connections.DisconnectAsync(device.DeviceId, DeviceKey.Primary);
        }

        await Eventually.TrueAsync(() => !primaryClient.IsConnected, "primary-key session closed");
        Assert.Equal(closed + 1, host.Metrics.ClosedConnections("key-regenerated"));
        var published = await DeviceClient.PublishAsync(secondaryClient, onSecondary.DeviceId,
            Batches.Payload(Batches.Minutes(1, 1)));
        Assert.True(published.IsSuccess);
        Assert.True(Connections.IsConnected(onSecondary.DeviceId));
        // The replaced key no longer lets the watch back in.
        await Eventually.TrueAsync(() => !Connections.IsConnected(onPrimary.DeviceId), "closed session let go");
        var again = await primaryClient.ConnectAsync(DeviceClient.Options(host, onPrimary.DeviceId,
            DeviceClient.Token(onPrimary, TimeSpan.FromHours(1))));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, again.ResultCode);
    }

    [Fact]
    public async Task Disconnect_DeviceDisabled_ClosedAndRefusedNotAuthorized()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await ConnectAsync(device, device.PrimaryKey);

        await host.Registry.SetEnabledAsync(host.Bureau, device.DeviceId, false);
        await Connections.DisconnectAsync(device.DeviceId);

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
        await Eventually.TrueAsync(() => !Connections.IsConnected(device.DeviceId), "closed session let go");
        var again = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId,
            DeviceClient.Token(device, TimeSpan.FromHours(1))));
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, again.ResultCode);
    }

    private async Task<IMqttClient> ConnectAsync(DeviceCredentials device, string key)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId,
            DeviceClient.Token(device, TimeSpan.FromHours(1), key: key)));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await Eventually.TrueAsync(() => Connections.IsConnected(device.DeviceId), "connection counted");
        return client;
    }
}
