using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Whether this node's device gateway takes watches now, for the readiness check: its MQTT server has started and
/// is not draining for a stop. Kestrel's listeners themselves either bound at start or the host did not start.
/// </summary>
public sealed class GatewayListenerStatus
{
    private readonly GatewayMqttServer _server;
    private readonly GatewayDrain _drain;
    private readonly GatewayOptions _options;

    internal GatewayListenerStatus(GatewayMqttServer server, GatewayDrain drain, IOptions<GatewayOptions> options)
    {
        _server = server;
        _drain = drain;
        _options = options.Value;
    }

    /// <summary>Null while watches are taken; otherwise why not.</summary>
    public string? Problem =>
        _drain.IsDraining ? "draining: the node is stopping and refuses new connections"
        : !_server.Server.IsStarted ? "the MQTT server has not started"
        : null;

    /// <summary>What it listens on, for the healthy answer.</summary>
    public string Listening => _options.MqttPort == 0
        ? "MQTT over WebSockets only (no MQTT/TLS port configured)"
        : $"MQTT/TLS on port {_options.MqttPort}";
}
