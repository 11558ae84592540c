using CareWatch.Gateway.Cloud;
using CareWatch.Gateway.Ingestion;
using CareWatch.Protocol;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// The gate every device PUBLISH passes (MQTTnet's publish interceptor). It enforces what IoT Hub
/// enforces on the transport — no QoS 2, at most 256 KB, the per-watch rate, own topics only — by
/// closing the connection without an acknowledgement, so a watch never loses a message it still holds;
/// then it hands the publish to telemetry ingestion, the twin or the method-answer handler.
/// Nothing is forwarded to other MQTT subscribers.
/// </summary>
internal sealed class PublishRouter(
    TelemetryIngestor telemetry,
    DeviceTwins twins,
    DeviceMethods methods,
    DeviceRateLimiter rateLimiter,
    GatewayMetrics metrics,
    GatewayDrain drain,
    ILogger<PublishRouter> logger)
{
    /// <summary>IoT Hub's limit for one device-to-cloud message.</summary>
    public const int MaxMessageBytes = 256 * 1024;

    public async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        e.ProcessPublish = false;
        var session = DeviceSession.From(e.SessionItems);
        var message = e.ApplicationMessage;
        var topic = message?.Topic ?? "";
        if (session is null || message is null)
        {
            Close(e, "publish-not-authorized", MqttPubAckReasonCode.NotAuthorized);
            return;
        }
        if (drain.IsDraining)
        {
            // Not acknowledged, so the watch keeps the message and sends it again after reconnecting.
            metrics.OnRefused("shutting-down");
            e.Response.ReasonCode = MqttPubAckReasonCode.UnspecifiedError;
            e.CloseConnection = true;
            return;
        }
        if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
        {
            Close(e, "qos2-not-supported", MqttPubAckReasonCode.ImplementationSpecificError);
            return;
        }
        if (message.Payload.Length > MaxMessageBytes)
        {
            Close(e, "message-too-large", MqttPubAckReasonCode.PayloadFormatInvalid);
            return;
        }
        if (!rateLimiter.TryAcquire(session.DeviceId))
        {
            Close(e, "throttled", MqttPubAckReasonCode.QuotaExceeded);
            return;
        }

        if (IotHubTopics.TryParseTelemetry(topic, out var topicDevice, out var properties))
        {
            if (string.Equals(topicDevice, session.DeviceId, StringComparison.Ordinal))
                await telemetry.OnTelemetryAsync(e, session, properties);
            else
                Close(e, "publish-not-authorized", MqttPubAckReasonCode.NotAuthorized);
        }
        else if (topic.StartsWith(IotHubCloudTopics.TwinGetPrefix, StringComparison.Ordinal))
            await twins.OnGetAsync(session, topic);
        else if (topic.StartsWith(IotHubCloudTopics.TwinReportedPatchPrefix, StringComparison.Ordinal))
            await twins.OnReportedPatchAsync(session, topic, message.Payload);
        else if (IotHubCloudTopics.TryParseMethodResponse(topic, out var status, out var rid))
            methods.OnResponse(session, status, rid, message.Payload);
        else
            Close(e, "publish-not-authorized", MqttPubAckReasonCode.NotAuthorized);
    }

    private void Close(InterceptingPublishEventArgs e, string reason, MqttPubAckReasonCode code)
    {
        metrics.OnRefused(reason);
        logger.LogWarning("Closing the connection of {ClientId}: {Reason} (topic {Topic})", e.ClientId, reason, e.ApplicationMessage?.Topic);
        e.Response.ReasonCode = code;
        e.CloseConnection = true;
    }
}
