namespace CareWatch.Gateway.Cloud;

/// <summary>Sends cloud-to-device messages to connected watches.</summary>
public interface ICloudToDeviceMessages
{
    /// <summary>
    /// Publishes to <c>devices/{id}/messages/devicebound/{property bag}</c> at QoS 1 and returns the
    /// message id (<c>$.mid</c>), or null when the watch is not connected or not subscribed. Messages
    /// are not queued for offline watches (IoT Hub would keep them up to 48 h).
    /// </summary>
    Task<string?> SendAsync(string deviceId, byte[] payload, IReadOnlyDictionary<string, string> properties, CancellationToken ct = default);
}

/// <summary>The embedded gateway's cloud-to-device sender.</summary>
internal sealed class CloudToDeviceMessages(Mqtt.DeviceOutbox outbox) : ICloudToDeviceMessages
{
    public async Task<string?> SendAsync(string deviceId, byte[] payload, IReadOnlyDictionary<string, string> properties, CancellationToken ct = default)
    {
        var messageId = Guid.NewGuid().ToString();
        var bag = new List<KeyValuePair<string, string>>(properties) { new("$.mid", messageId), new("$.to", $"/devices/{deviceId}/messages/deviceBound") };
        var sent = await outbox.SendAsync(deviceId, Protocol.IotHubCloudTopics.CloudToDevice(deviceId, bag), payload,
            MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, requireSubscription: true);
        return sent ? messageId : null;
    }
}
