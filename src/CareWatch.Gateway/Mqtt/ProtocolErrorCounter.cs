using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Counts TLS connections that end without ever sending a well-formed CONNECT (garbage, a truncated or
/// malformed packet, a PUBLISH before CONNECT), and closes those that send none within
/// <see cref="GatewayOptions.ConnectTimeout"/>: MQTTnet drops some malformed starts itself without raising
/// any event and waits on others (an impossible remaining length, a half-sent packet) for its long
/// communication timeout. A Kestrel connection middleware in front of MQTTnet sees all of them:
/// refused reason <c>protocol-error</c>.
/// </summary>
internal sealed class ProtocolErrorCounter(
    GatewayMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<ProtocolErrorCounter> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _awaitingConnect = new(StringComparer.Ordinal);
    // A scanner or a flood of silent sockets would otherwise write a line per connection.
    private readonly LogThrottle _log = new(logger, time);

    /// <summary>The Kestrel connection middleware; put it between TLS and MQTT.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var key = Key(SourceAddress.RemoteOf(connection));
        if (key is null) { await next(connection); return; }
        _awaitingConnect[key] = 0;
        // Wall clock, like the pipeline's delays: a frozen test clock must not hold sockets open forever.
        using var deadline = new CancellationTokenSource(options.Value.ConnectTimeout);
        await using var abort = deadline.Token.Register(() =>
        {
            if (_awaitingConnect.ContainsKey(key)) connection.Abort(new ConnectionAbortedException("No valid CONNECT in time."));
        });
        try
        {
            await next(connection);
        }
        finally
        {
            if (_awaitingConnect.TryRemove(key, out _))
            {
                metrics.OnRefused("protocol-error");
                _log.Log(LogLevel.Information, "no-connect", null,
                    "Connection from {Remote} closed without a valid CONNECT", key);
            }
        }
    };

    /// <summary>A CONNECT was parsed for this remote end (accepted or not): it is no protocol error.</summary>
    public void OnConnectPacket(EndPoint? remote)
    {
        if (Key(remote) is { } key) _awaitingConnect.TryRemove(key, out _);
    }

    private static string? Key(EndPoint? remote) => remote?.ToString();

    public void Dispose() => _log.Dispose();
}
