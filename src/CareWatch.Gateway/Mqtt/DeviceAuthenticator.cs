using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Lets a watch in exactly as IoT Hub would: client id = device id, user name naming hub and device,
/// password = a SAS token signed with one of the device's two keys and not yet expired. Every CONNECT gets a
/// CONNACK: when the keys cannot be read (PostgreSQL stopped, or hung beyond
/// <see cref="GatewayOptions.RegistryTimeout"/>) or the host is stopping, it is "server unavailable", which tells
/// the watch to try again later, perhaps elsewhere.
/// </summary>
internal sealed class DeviceAuthenticator(
    DeviceRegistry registry,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    ProtocolErrorCounter protocolErrors,
    GatewayDrain drain,
    ILogger<DeviceAuthenticator> logger) : IDisposable
{
    // Watches retry every few seconds while the database is away: one stack trace per outage, then counts.
    private readonly LogThrottle _log = new(logger, time);

    public async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        protocolErrors.OnConnectPacket(e.RemoteEndPoint);
        var o = options.Value;
        var deviceId = e.ClientId;
        if (drain.IsDraining)
        {
            Refuse(e, MqttConnectReasonCode.ServerUnavailable, "shutting-down");
            return;
        }
        if (string.IsNullOrEmpty(deviceId))
        {
            Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, "no-client-id");
            return;
        }
        if (!IotHubUserName.Matches(e.UserName, o.HostName, deviceId))
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, "bad-username");
            return;
        }
        DeviceCredentials? device;
        try
        {
            device = await DatabaseDeadline.RunAsync(ct => registry.FindForGatewayAsync(deviceId, ct), o.RegistryTimeout,
                e.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !e.CancellationToken.IsCancellationRequested)
        {
            // The device is fine; we are not. Any failure, not only a database one: without a CONNACK the watch
            // would wait for its own timeout before trying again.
            metrics.OnRefused("registry-unavailable");
            _log.Log(LogLevel.Warning, "registry-unavailable", ex,
                "Device registry unavailable while {DeviceId} connected; refused as server unavailable", deviceId);
            e.ReasonCode = MqttConnectReasonCode.ServerUnavailable;
            return;
        }
        if (device is null)
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, "unknown-device");
            return;
        }
        if (!device.Enabled)
        {
            Refuse(e, MqttConnectReasonCode.NotAuthorized, "disabled");
            return;
        }
        var check = SasToken.Validate(e.Password, o.HostName, deviceId, [device.PrimaryKey, device.SecondaryKey],
            time.GetUtcNow(), o.SasClockSkew);
        if (check != SasCheck.Valid)
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, "sas-" + check.ToString().ToLowerInvariant());
            return;
        }
        new DeviceSession(deviceId, device.SeniorId).Store(e.SessionItems);
        logger.LogDebug("Device {DeviceId} connected ({Protocol})", deviceId, e.ProtocolVersion);
    }

    /// <summary>A device may subscribe to its own cloud-to-device messages and to <c>$iothub/</c> topics only.</summary>
    public Task AuthorizeSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var topic = e.TopicFilter.Topic ?? "";
        var own = $"devices/{e.ClientId}/messages/devicebound/";
        var allowed = topic.StartsWith(own, StringComparison.Ordinal) || topic.StartsWith("$iothub/", StringComparison.Ordinal);
        if (allowed)
        {
            DeviceSession.From(e.SessionItems)?.AddFilter(topic);
        }
        else
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            metrics.OnRefused("subscribe-not-authorized");
            logger.LogInformation("Device {DeviceId} refused subscription to {Topic}", e.ClientId, topic);
        }
        return Task.CompletedTask;
    }

    private void Refuse(ValidatingConnectionEventArgs e, MqttConnectReasonCode code, string reason)
    {
        e.ReasonCode = code;
        metrics.OnRefused(reason);
        // A watch with a wrong key or a stale token retries as eagerly as one refused during an outage.
        _log.Log(LogLevel.Information, "refused-" + reason, null, "Refused connection of {ClientId}: {Reason}",
            e.ClientId, reason);
    }

    public void Dispose() => _log.Dispose();
}
