using System.Collections.Concurrent;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>Which watches hold a connection to this gateway right now.</summary>
public interface IDeviceConnections
{
    /// <summary>True while the watch has an open, authenticated connection.</summary>
    bool IsConnected(string deviceId);

    /// <summary>Closes the watch's connection, if any (after it was disabled, deleted or moved to another senior).</summary>
    Task DisconnectAsync(string deviceId);
}

/// <summary>
/// Tracks connects and disconnects. A watch's connection count goes up on connect and down on
/// disconnect, so a replaced connection (IoT Hub and MQTT both let a second connection with the same
/// id take over) leaves the watch connected whichever of the two events MQTTnet raises first.
/// </summary>
internal sealed class DeviceConnections(
    DeviceRegistry registry,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<DeviceConnections> logger) : IDeviceConnections, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly LogThrottle _log = new(logger, time);
    private MqttServer? _server;

    public void Attach(MqttServer server)
    {
        _server = server;
        server.ClientConnectedAsync += OnConnectedAsync;
        server.ClientDisconnectedAsync += OnDisconnectedAsync;
    }

    public bool IsConnected(string deviceId) => _open.TryGetValue(deviceId, out var n) && n > 0;

    public async Task DisconnectAsync(string deviceId)
    {
        if (_server is null || !IsConnected(deviceId)) return;
        try
        {
            await _server.DisconnectClientAsync(deviceId, new MqttServerClientDisconnectOptions
            {
                ReasonCode = MQTTnet.Protocol.MqttDisconnectReasonCode.AdministrativeAction,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Gone in the meantime: nothing to close.
            logger.LogDebug(ex, "Device {DeviceId} already disconnected", deviceId);
        }
    }

    private async Task OnConnectedAsync(ClientConnectedEventArgs e)
    {
        var session = DeviceSession.From(e.SessionItems);
        if (session is null || !session.MarkCounted()) return;
        _open.AddOrUpdate(session.DeviceId, 1, (_, n) => n + 1);
        await RecordAsync(session.DeviceId, connected: true);
    }

    private async Task OnDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        var session = DeviceSession.From(e.SessionItems);
        if (session is null || !session.UnmarkCounted()) return;
        var left = _open.AddOrUpdate(session.DeviceId, 0, (_, n) => n - 1);
        if (left <= 0) _open.TryRemove(new KeyValuePair<string, int>(session.DeviceId, left));
        // A takeover is not the end of the watch's presence: only a real disconnect is recorded.
        if (e.DisconnectType != MqttClientDisconnectType.Takeover) await RecordAsync(session.DeviceId, connected: false);
    }

    // The timestamps are informational; a database hiccup must not break the MQTT connection, and a hung database
    // must not hold it: MQTTnet awaits these events before it serves (or closes) the connection, and a stopping
    // host waits for every connection to close.
    private async Task RecordAsync(string deviceId, bool connected)
    {
        try
        {
            await DatabaseDeadline.RunAsync(ct => connected
                ? registry.MarkConnectedAsync(deviceId, ct)
                : registry.MarkDisconnectedAsync(deviceId, ct), options.Value.RegistryTimeout);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            _log.Log(LogLevel.Warning, "record-connection-state", ex,
                "Could not record the connection state of {DeviceId}", deviceId);
        }
    }

    public void Dispose() => _log.Dispose();
}
