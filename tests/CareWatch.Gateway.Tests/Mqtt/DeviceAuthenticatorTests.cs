using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

public sealed class DeviceAuthenticatorTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Connect_SecondaryKey_Accepted()
    {
        var device = await host.CreateDeviceAsync();
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId,
            DeviceClient.Token(device, TimeSpan.FromHours(1), key: device.SecondaryKey)));

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    [Fact]
    public async Task Connect_WrongKey_RefusedBadCredentials()
    {
        var device = await host.CreateDeviceAsync();
        var token = DeviceClient.Token(device, TimeSpan.FromHours(1), key: DeviceConnectionString.NewKey());

        await AssertRefusedAsync(device.DeviceId, token, "sas-badsignature");
    }

    [Fact]
    public async Task Connect_ExpiredToken_Refused()
    {
        var device = await host.CreateDeviceAsync();
        // Beyond the 5 minutes of allowed clock skew.
        var token = DeviceClient.Token(device, TimeSpan.FromMinutes(-10));

        await AssertRefusedAsync(device.DeviceId, token, "sas-expired");
    }

    [Fact]
    public async Task Connect_TokenOfAnotherDevice_Refused()
    {
        var device = await host.CreateDeviceAsync();
        var other = await host.CreateDeviceAsync();
        // Signed correctly, but for the other device's resource with the other device's key.
        var token = DeviceClient.Token(other, TimeSpan.FromHours(1));

        await AssertRefusedAsync(device.DeviceId, token, "sas-wrongresource");
    }

    [Fact]
    public async Task Connect_UnknownDevice_Refused()
    {
        var ghost = await host.CreateDeviceAsync();
        var token = DeviceClient.Token(ghost, TimeSpan.FromHours(1), forDevice: "nobody");

        await AssertRefusedAsync("nobody", token, "unknown-device");
    }

    [Fact]
    public async Task Connect_UserNameOfOtherHub_Refused()
    {
        var device = await host.CreateDeviceAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = DeviceClient.Options(host, device.DeviceId, DeviceClient.Token(device, TimeSpan.FromHours(1)),
            userName: $"other.azure-devices.net/{device.DeviceId}/?api-version=2021-04-12");

        var result = await client.ConnectAsync(options);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task Connect_DisabledDevice_RefusedNotAuthorized()
    {
        var device = await host.CreateDeviceAsync();
        await host.Database.ScalarAsync<int>("WITH u AS (UPDATE devices SET enabled = false WHERE device_id = @d RETURNING 1) SELECT count(*) FROM u",
            ("d", device.DeviceId));
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, DeviceClient.Token(device, TimeSpan.FromHours(1))));

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
    }

    [Fact]
    public async Task Publish_ToAnotherDevicesTopic_Disconnected()
    {
        var device = await host.CreateDeviceAsync();
        var other = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var before = host.Metrics.RefusedConnections("publish-not-authorized");

        // QoS 1 on MQTT 3.1.1 cannot be refused with a code: the gateway closes the connection (as IoT Hub does).
        await Assert.ThrowsAnyAsync<Exception>(() =>
            DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 1)), topicDevice: other.DeviceId));

        Assert.Equal(before + 1, host.Metrics.RefusedConnections("publish-not-authorized"));
        Assert.Equal(0, await host.CountAsync("device_messages", other.DeviceId));
        Assert.Equal(0, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Subscribe_OtherDevicesCloudToDevice_RefusedOwnAllowed()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);

        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"devices/{device.DeviceId}/messages/devicebound/#")
            .WithTopicFilter("devices/+/messages/events/#")
            .Build());

        var codes = result.Items.Select(i => i.ResultCode).ToList();
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, codes[0]);
        Assert.Equal(MqttClientSubscribeResultCode.UnspecifiedError, codes[1]);
    }

    private async Task AssertRefusedAsync(string deviceId, string token, string reason)
    {
        var before = host.Metrics.RefusedConnections(reason);
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(DeviceClient.Options(host, deviceId, token));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
        Assert.Equal(before + 1, host.Metrics.RefusedConnections(reason));
    }
}
