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

    /// <summary>
    /// Closes the watch's connection if it was authenticated with <paramref name="key"/> (call it after that key
    /// was regenerated); a connection signed with the other key stays, so a rotation does not drop the watch.
    /// Only this node's connections: see docs/operations.md for several nodes.
    /// </summary>
    Task DisconnectAsync(string deviceId, DeviceKey key);
}

/// <summary>
/// Tracks connects and disconnects. A watch's connection count goes up on connect and down on
/// disconnect, so a replaced connection (IoT Hub and MQTT both let a second connection with the same
/// id take over) leaves the watch connected whichever of the two events MQTTnet raises first.
/// Each counted connection has a timer on the injected clock for its SAS token's expiry (plus the skew allowed):
/// IoT Hub closes a connection when its token expires, and so does the gateway, so a stolen token or a watch whose
/// keys were replaced does not stay connected for as long as the socket lives.
/// </summary>
internal sealed class DeviceConnections(
    DeviceRegistry registry,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    GatewayMetrics metrics,
    IEnumerable<IConnectionObserver> observers,
    ILogger<DeviceConnections> logger) : IDeviceConnections, IDisposable
{
    private readonly IConnectionObserver[] _observers = observers.ToArray();

    // Timers run at most this far ahead (a token may be valid for years); past it the expiry is looked at again.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(7);

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

    public async Task DisconnectAsync(string deviceId, DeviceKey key)
    {
        if (await CurrentSessionAsync(deviceId) is { } session && session.Key == key)
            await CloseAsync(session, "key-regenerated");
    }

    private async Task OnConnectedAsync(ClientConnectedEventArgs e)
    {
        var session = DeviceSession.From(e.SessionItems);
        if (session is null || !session.MarkCounted()) return;
        if (_open.AddOrUpdate(session.DeviceId, 1, (_, n) => n + 1) == 1) metrics.OnWatchPresence(+1);
        session.ExpiryTimer = time.CreateTimer(OnExpiryTimer, session, UntilExpiry(session), Timeout.InfiniteTimeSpan);
        await RecordAsync(session.DeviceId, connected: true);
    }

    private async Task OnDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        var session = DeviceSession.From(e.SessionItems);
        if (session is null || !session.UnmarkCounted()) return;
        session.ExpiryTimer?.Dispose();
        var left = _open.AddOrUpdate(session.DeviceId, 0, (_, n) => n - 1);
        // Counted on the transitions to 1 and to 0, so a connect racing this removal still nets out right.
        if (left == 0) metrics.OnWatchPresence(-1);
        if (left <= 0) _open.TryRemove(new KeyValuePair<string, int>(session.DeviceId, left));
        // A takeover is not the end of the watch's presence: only a real disconnect is recorded.
        if (e.DisconnectType != MqttClientDisconnectType.Takeover) await RecordAsync(session.DeviceId, connected: false);
    }

    private TimeSpan UntilExpiry(DeviceSession session)
    {
        var left = session.ExpiresAt - time.GetUtcNow();
        return left < TimeSpan.Zero ? TimeSpan.Zero : left > LongestTimer ? LongestTimer : left;
    }

    private void OnExpiryTimer(object? state)
    {
        var session = (DeviceSession)state!;
        if (time.GetUtcNow() < session.ExpiresAt)
            session.ExpiryTimer?.Change(UntilExpiry(session), Timeout.InfiniteTimeSpan);
        else
            _ = ExpireAsync(session);
    }

    private async Task ExpireAsync(DeviceSession session)
    {
        // Only if it is still this connection: a watch that reconnected with a fresh token keeps the new one.
        if (ReferenceEquals(await CurrentSessionAsync(session.DeviceId), session))
            await CloseAsync(session, "token-expired");
    }

    private async Task<DeviceSession?> CurrentSessionAsync(string deviceId)
    {
        if (_server is null || !IsConnected(deviceId)) return null;
        try
        {
            return DeviceSession.From((await _server.GetSessionAsync(deviceId))?.Items);
        }
        catch (InvalidOperationException)
        {
            return null; // the server is stopping
        }
    }

    // MQTT 5 clients are told "not authorized"; an MQTT 3.1.1 connection is just closed, as IoT Hub does.
    private async Task CloseAsync(DeviceSession session, string reason)
    {
        metrics.OnClosed(reason);
        logger.LogInformation("Closing the connection of {DeviceId}: {Reason}", session.DeviceId, reason);
        try
        {
            await _server!.DisconnectClientAsync(session.DeviceId, new MqttServerClientDisconnectOptions
            {
                ReasonCode = MQTTnet.Protocol.MqttDisconnectReasonCode.NotAuthorized,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            logger.LogDebug(ex, "Device {DeviceId} already disconnected", session.DeviceId);
        }
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
        foreach (var observer in _observers)
        {
            try { observer.OnConnectionChanged(deviceId, connected); }
            catch (Exception ex)
            {
                _log.Log(LogLevel.Warning, "connection-observer", ex, "A connection observer failed for {DeviceId}", deviceId);
            }
        }
    }

    public void Dispose() => _log.Dispose();
}
