using Microsoft.AspNetCore.Connections;
using MQTTnet.AspNetCore;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// MQTT over WebSockets (<c>/$iothub/websocket</c>) with the guards the TLS listener has as Kestrel middleware:
/// connections per source address, the connect timeout (an upgraded WebSocket that never sends CONNECT is closed
/// and counted as <c>protocol-error</c>), and the packet size limit. MQTTnet's own handler is sealed and its
/// <c>MapMqtt</c> maps it bare, so this handler is mapped instead and passes each connection on to it.
/// </summary>
internal sealed class WebSocketMqttHandler : ConnectionHandler
{
    private readonly ConnectionDelegate _pipeline;

    public WebSocketMqttHandler(MqttConnectionHandler mqtt, ConnectionsPerAddress perAddress,
        ProtocolErrorCounter protocolErrors, PacketSizeLimit packetSize) =>
        _pipeline = perAddress.Wrap(protocolErrors.Wrap(packetSize.Wrap(mqtt.OnConnectedAsync)));

    public override Task OnConnectedAsync(ConnectionContext connection) => _pipeline(connection);
}
