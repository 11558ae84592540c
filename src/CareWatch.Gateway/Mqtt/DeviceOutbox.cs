using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Sends a message to one connected watch. It writes into that client's MQTT session directly rather
/// than publishing through the broker, because every watch subscribes to the same
/// <c>$iothub/methods/POST/#</c> filter and a broker publish would reach all of them.
/// </summary>
internal sealed class DeviceOutbox(GatewayMqttServer mqtt)
{
    /// <summary>Queues the message; false when the watch has no session here (offline) or its queue is full.</summary>
    public async Task<bool> SendAsync(string deviceId, string topic, byte[] payload, MqttQualityOfServiceLevel qos,
        bool requireSubscription)
    {
        MqttSessionStatus? session;
        try
        {
            session = await mqtt.Server.GetSessionAsync(deviceId);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        if (session is null) return false;
        var device = DeviceSession.From(session.Items);
        if (device is null || (requireSubscription && !device.IsSubscribedTo(topic))) return false;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .Build();
        return session.TryEnqueueApplicationMessage(message, out _);
    }
}
