using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Lets a watch in exactly as IoT Hub would: client id = device id, user name naming hub and device,
/// password = a SAS token signed with one of the device's two keys and not yet expired. Every CONNECT gets a
/// CONNACK: when the keys cannot be read (PostgreSQL stopped, or hung beyond
/// <see cref="GatewayOptions.RegistryTimeout"/>) or the host is stopping, it is "server unavailable", which tells
/// the watch to try again later, perhaps elsewhere. A source address that has failed to authenticate too often
/// (<see cref="FailedAuthThrottle"/>) is refused the same way, before its token is looked at.
/// </summary>
internal sealed class DeviceAuthenticator(
    DeviceRegistry registry,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    ProtocolErrorCounter protocolErrors,
    GatewayDrain drain,
    FailedAuthThrottle failures,
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
        if (failures.IsBlocked(e.RemoteEndPoint))
        {
            // Before anything is looked up or verified: a flood of guesses costs neither a query nor an HMAC.
            Refuse(e, MqttConnectReasonCode.ServerUnavailable, "auth-throttled");
            return;
        }
        if (e.ProtocolVersion == MqttProtocolVersion.V310)
        {
            // IoT Hub speaks MQTT 3.1.1 and 5 only: CONNACK 1, unacceptable protocol version.
            Refuse(e, MqttConnectReasonCode.UnsupportedProtocolVersion, "mqtt-3.1");
            return;
        }
        if (!IotHubDeviceId.IsValid(deviceId))
        {
            // MQTT 3.1.1 CONNACK 2 (identifier rejected), MQTT 5 reason 0x85, as IoT Hub answers.
            Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, "invalid-client-id", failed: true);
            return;
        }
        if (!IotHubUserName.Matches(e.UserName, o.HostName, deviceId))
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, "bad-username", failed: true);
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
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, "unknown-device", failed: true);
            return;
        }
        if (!device.Enabled)
        {
            Refuse(e, MqttConnectReasonCode.NotAuthorized, "disabled");
            return;
        }
        var now = time.GetUtcNow();
        // One key at a time, to know which one signed: regenerating that key closes this connection, not the other's.
        var key = DeviceKey.Primary;
        var check = SasToken.Validate(e.Password, o.HostName, deviceId, [device.PrimaryKey], now, o.SasClockSkew);
        if (check == SasCheck.BadSignature)
        {
            key = DeviceKey.Secondary;
            check = SasToken.Validate(e.Password, o.HostName, deviceId, [device.SecondaryKey], now, o.SasClockSkew);
        }
        if (check != SasCheck.Valid || !SasToken.TryParse(e.Password, out var token))
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, "sas-" + check.ToString().ToLowerInvariant(),
                failed: true);
            return;
        }
        // The same clamp as the validation: an expiry past year 9999 is "never" rather than an overflow.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(token.Expiry, 253402300799)) + o.SasClockSkew;
        new DeviceSession(deviceId, device.SeniorId, key, expiresAt).Store(e.SessionItems);
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

    // Says who and why, never with what: no password, token or signature is logged, and a client id that is not a
    // valid device id (attacker-chosen: long, control characters) is not echoed.
    private void Refuse(ValidatingConnectionEventArgs e, MqttConnectReasonCode code, string reason, bool failed = false)
    {
        e.ReasonCode = code;
        metrics.OnRefused(reason);
        if (failed) failures.OnFailure(e.RemoteEndPoint);
        var clientId = IotHubDeviceId.IsValid(e.ClientId) ? e.ClientId : "(invalid)";
        // A watch with a wrong key or a stale token retries as eagerly as one refused during an outage.
        _log.Log(LogLevel.Information, "refused-" + reason, null,
            "Refused connection of {ClientId} from {Address}: {Reason}", clientId,
            SourceAddress.KeyOf(e.RemoteEndPoint), reason);
    }

    public void Dispose() => _log.Dispose();
}
