using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Ingestion;

/// <summary>A watch whose sequence number starts again at 0 (reset, firmware update) loses nothing it sends.</summary>
public sealed class RestartedSequenceTests(ObservedGatewayHost host) : IClassFixture<ObservedGatewayHost>
{
    [Fact]
    public async Task Reconnect_CounterBackAtZero_NewMinutesStoredAndForwardedWhileResendStaysDuplicate()
    {
        var device = await host.CreateDeviceAsync();
        var now = Batches.ThisMinute();
        using (var beforeReset = await DeviceClient.ConnectAsync(host, device))
        {
            for (var seq = 0; seq < 3; seq++)
                Assert.True((await PublishAsync(beforeReset, device.DeviceId,
                    Batches.Minutes(seq, 2, end: now.AddMinutes(-30 + 2 * seq)))).IsSuccess);
            await beforeReset.DisconnectAsync();
        }
        await host.Observer.WaitForAsync(device.DeviceId, 2);
        var (accepted, duplicates) = (host.Metrics.Accepted, host.Metrics.Duplicates);

        // Reset: the counter is back at 0, and the minutes and the SOS are new.
        using var afterReset = await DeviceClient.ConnectAsync(host, device);
        var restarted = Batches.Minutes(0, 3, end: now.AddMinutes(-1)) with
        {
            Events = [new DeviceEvent(now.AddMinutes(-2), DeviceEventKind.Sos)],
            SentAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        var stored = await PublishAsync(afterReset, device.DeviceId, restarted);

        Assert.True(stored.IsSuccess);
        Assert.Equal(accepted + 1, host.Metrics.Accepted);
        Assert.Equal(2 * 3 + 3, await host.CountAsync("minute_activity", device.DeviceId));
        Assert.Equal(1, await host.CountAsync("device_events", device.DeviceId));
        var forwarded = await host.Observer.WaitForAsync(device.DeviceId, 0);
        Assert.Equal(restarted.Minutes.Select(m => m.Start), forwarded.Batch.Minutes.Select(m => m.Start));

        // Its PUBACK was lost, say: the watch resends it, re-stamped, with the DUP flag. Stored once.
        var resend = await PublishAsync(afterReset, device.DeviceId,
            restarted with { SentAt = restarted.SentAt!.Value.AddSeconds(20) }, dup: true);

        Assert.True(resend.IsSuccess);
        Assert.Equal(duplicates + 1, host.Metrics.Duplicates);
        Assert.Equal(4, await host.CountAsync("device_messages", device.DeviceId));
        Assert.Equal(2 * 3 + 3, await host.CountAsync("minute_activity", device.DeviceId));
        // Notifications come in commit order: once seq 1 is seen, the resend can no longer be forwarded.
        Assert.True((await PublishAsync(afterReset, device.DeviceId, Batches.Minutes(1, 1, end: now))).IsSuccess);
        await host.Observer.WaitForAsync(device.DeviceId, 1);
        var seen = host.Observer.All.Where(t => t.DeviceId == device.DeviceId).Select(t => t.Batch.Seq);
        Assert.Equal([0L, 1, 2, 0, 1], seen);
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string deviceId, TelemetryBatch batch,
        bool dup = false)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(IotHubTopics.Telemetry(deviceId, [new("schema", TelemetryLimits.Schema)]))
            .WithPayload(TelemetryJson.Serialize(batch))
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        message.Dup = dup;
        return client.PublishAsync(message);
    }
}
