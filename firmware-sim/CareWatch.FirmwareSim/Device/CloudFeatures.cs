using System.Text;
using CareWatch.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// What a watch does with the cloud side of IoT Hub after connecting: answers direct methods and reports
/// its firmware version in the twin, as the Azure device SDKs do (QoS 0 requests and answers).
/// </summary>
internal static class CloudFeatures
{
    public static void Attach(IMqttClient client, SimulatedWatchOptions options)
    {
        if (options.MethodHandler is not { } handler) return;
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var topic = e.ApplicationMessage.Topic;
            if (!topic.StartsWith(IotHubCloudTopics.MethodRequestPrefix, StringComparison.Ordinal)) return;
            var rest = topic[IotHubCloudTopics.MethodRequestPrefix.Length..];
            var method = rest[..Math.Max(0, rest.IndexOf('/'))];
            var rid = IotHubCloudTopics.RequestId(topic);
            if (method.Length == 0 || rid is null) return;
            var answer = handler(method, Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            await client.PublishStringAsync($"{IotHubCloudTopics.MethodResponsePrefix}{answer.Status}/?$rid={rid}", answer.PayloadJson);
        };
    }

    /// <summary>Subscribes and reports once connected (subscriptions do not survive a clean-session reconnect).</summary>
    public static async Task OnConnectedAsync(IMqttClient client, SimulatedWatchOptions options, CancellationToken ct)
    {
        if (options.MethodHandler is not null)
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(IotHubCloudTopics.MethodRequestPrefix + "#").Build(), ct);
        if (options.FirmwareVersion is { } version)
            await client.PublishStringAsync($"{IotHubCloudTopics.TwinReportedPatchPrefix}?$rid=fw", $$"""{"firmwareVersion":"{{version}}"}""",
                MqttQualityOfServiceLevel.AtMostOnce, cancellationToken: ct);
    }
}
