using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A stopping gateway takes nothing more from its watches (one host per test: draining is final).</summary>
public sealed class GatewayDrainTests : IAsyncLifetime
{
    private readonly GatewayHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Publish_WhileDraining_ConnectionClosedWithoutAckNothingStored()
    {
        var device = await _host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(_host, device);
        await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 2)));

        _host.Services.GetRequiredService<GatewayDrain>().Begin();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(2, 1))));

        await Eventually.TrueAsync(() => !client.IsConnected, "client disconnected");
        Assert.Equal(1, _host.Metrics.RefusedConnections("shutting-down"));
        Assert.Equal(1, await _host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Connect_WhileDraining_RefusedServerUnavailable()
    {
        var device = await _host.CreateDeviceAsync();
        using var client = new MqttClientFactory().CreateMqttClient();

        _host.Services.GetRequiredService<GatewayDrain>().Begin();
        var result = await client.ConnectAsync(DeviceClient.Options(_host, device.DeviceId,
            DeviceClient.Token(device, TimeSpan.FromHours(1))));

        Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, result.ResultCode);
        Assert.Equal(1, _host.Metrics.RefusedConnections("shutting-down"));
    }
}
