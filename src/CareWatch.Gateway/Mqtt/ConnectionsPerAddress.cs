using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Caps the MQTT connections open at once from one source address
/// (<see cref="GatewayOptions.MaxConnectionsPerAddress"/>), so one host cannot take all of the gateway's sockets
/// and memory, and the rate at which one address may open them (<see cref="GatewayOptions.ConnectionBurstPerAddress"/>,
/// <see cref="GatewayOptions.ConnectionsPerAddressPerMinute"/>). On the TLS listener it runs before the handshake:
/// a refused connection costs no TLS work. Refused reasons <c>too-many-connections</c>, <c>connection-rate</c>.
/// </summary>
internal sealed class ConnectionsPerAddress(
    GatewayMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<ConnectionsPerAddress> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly LogThrottle _log = new(logger, time);
    private readonly AddressBuckets _rate =
        new(time, () => (options.Value.ConnectionBurstPerAddress, options.Value.ConnectionsPerAddressPerMinute));

    /// <summary>Connections open now from the address of <paramref name="remote"/> (tests, diagnostics).</summary>
    public int OpenFrom(System.Net.EndPoint? remote) =>
        SourceAddress.KeyOf(remote) is { } key ? _open.GetValueOrDefault(key) : 0;

    /// <summary>The Kestrel connection middleware; put it first, before TLS.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var max = options.Value.MaxConnectionsPerAddress;
        var key = SourceAddress.KeyOf(SourceAddress.RemoteOf(connection));
        if (key is null)
        {
            await next(connection);
            return;
        }
        if (options.Value.ConnectionsPerAddressPerMinute > 0 && !_rate.TryTake(key))
        {
            metrics.OnRefused("connection-rate");
            _log.Log(LogLevel.Warning, "connection-rate", null,
                "Closed a connection from {Address}: it opens connections faster than allowed", key);
            return;
        }
        if (max == 0)
        {
            await next(connection);
            return;
        }
        var open = _open.AddOrUpdate(key, 1, (_, n) => n + 1);
        try
        {
            if (open > max)
            {
                metrics.OnRefused("too-many-connections");
                _log.Log(LogLevel.Warning, "too-many-connections", null,
                    "Closed a connection from {Address}: {Max} connections from there are open already", key, max);
                return; // Kestrel closes the connection when the middleware returns
            }
            await next(connection);
        }
        finally
        {
            var left = _open.AddOrUpdate(key, 0, (_, n) => n - 1);
            if (left <= 0) _open.TryRemove(new KeyValuePair<string, int>(key, left));
        }
    };

    public void Dispose() => _log.Dispose();
}
