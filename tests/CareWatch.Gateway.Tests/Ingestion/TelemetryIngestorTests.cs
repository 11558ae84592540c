using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using MQTTnet;
using MQTTnet.Formatter;

namespace CareWatch.Gateway.Tests.Ingestion;

public sealed class TelemetryIngestorTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Publish_ValidBatch_RowsAreDurableWhenPubAckArrives()
    {
        var senior = (Guid?)null;
        var device = await host.CreateDeviceAsync(senior);
        using var client = await DeviceClient.ConnectAsync(host, device);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 5, battery: 42)));

        // Checked right after PUBACK with no waiting: the gateway acks only after commit.
        Assert.True(result.IsSuccess);
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
        Assert.Equal(5, await host.CountAsync("minute_activity", device.DeviceId));
        Assert.Equal(42, await host.Database.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = @d", ("d", device.DeviceId)));
    }

    [Fact]
    public async Task Publish_SameSeqTwice_StoredOnceAndBothAcknowledged()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var duplicatesBefore = host.Metrics.Duplicates;
        var payload = Batches.Payload(Batches.Minutes(7, 3));

        var first = await DeviceClient.PublishAsync(client, device.DeviceId, payload);
        var second = await DeviceClient.PublishAsync(client, device.DeviceId, payload);

        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
        Assert.Equal(3, await host.CountAsync("minute_activity", device.DeviceId));
        Assert.Equal(duplicatesBefore + 1, host.Metrics.Duplicates);
    }

    [Fact]
    public async Task Publish_Mqtt5Client_AcknowledgedWithSuccess()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device, MqttProtocolVersion.V500);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 2)));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal(2, await host.CountAsync("minute_activity", device.DeviceId));
    }

    [Fact]
    public async Task Publish_EventsOnly_EventsStored()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var at = Batches.ThisMinute();
        var batch = new TelemetryBatch(3, 50, true, [], [new DeviceEvent(at, DeviceEventKind.Sos), new DeviceEvent(at, DeviceEventKind.Fall)]);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(batch));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, await host.CountAsync("device_events", device.DeviceId));
    }

    [Theory]
    [InlineData("not json at all", RejectReason.Malformed)]
    [InlineData("""{"seq":1,"battery":140,"charging":false,"minutes":[{"t":"2020-01-01T00:00:00Z","move":1,"steps":1,"worn":true}]}""", RejectReason.OutOfRange)]
    [InlineData("""{"seq":1,"battery":40,"charging":false,"minutes":[{"t":"2001-01-01T00:00:00Z","move":1,"steps":1,"worn":true}]}""", RejectReason.BadTimestamp)]
    public async Task Publish_InvalidPayload_AcknowledgedCountedNotStored(string json, RejectReason reason)
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var before = host.Metrics.Rejected(reason);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, DeviceClient.Json(json));

        // MQTT 3.1.1: acknowledged and dropped, so the watch does not resend it forever.
        Assert.True(result.IsSuccess);
        Assert.True(client.IsConnected);
        Assert.Equal(before + 1, host.Metrics.Rejected(reason));
        Assert.Equal(0, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Publish_Oversize_RejectedAsTooLarge()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var before = host.Metrics.Rejected(RejectReason.TooLarge);

        await DeviceClient.PublishAsync(client, device.DeviceId, new byte[TelemetryLimits.MaxPayloadBytes + 1]);

        Assert.Equal(before + 1, host.Metrics.Rejected(RejectReason.TooLarge));
        Assert.Equal(0, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Publish_OtherSchema_RejectedAsUnknownSchema()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var before = host.Metrics.Rejected(RejectReason.UnknownSchema);

        await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 1)), schema: "carewatch.v0");

        Assert.Equal(before + 1, host.Metrics.Rejected(RejectReason.UnknownSchema));
        Assert.Equal(0, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Publish_MqttV5Invalid_PubAckCarriesPayloadFormatInvalid()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device, MqttProtocolVersion.V500);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, DeviceClient.Json("{"));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
    }
}
