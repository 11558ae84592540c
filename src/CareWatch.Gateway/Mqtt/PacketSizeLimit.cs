using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Closes a connection whose next MQTT packet announces more than <see cref="GatewayOptions.MaxPacketBytes"/>,
/// before its body is buffered.
/// <para>
/// Why: MQTTnet 5 has no limit on the packet size it receives. Its ASP.NET Core adapter reads the fixed header,
/// then waits until the whole body announced there is in the connection's input pipe, and the TLS layer's pipe
/// has no back-pressure threshold: a client that announced 256 MB (the MQTT maximum) and kept sending had all of
/// it buffered, before or after CONNECT, unauthenticated (four such connections took the server from 380 to
/// 796 MB, never returned). IoT Hub takes at most 256 KB per device-to-cloud message.
/// </para>
/// <para>
/// How: a Kestrel connection middleware between TLS and MQTTnet (and the same wrapper in front of MQTT over
/// WebSockets) swaps the connection's input for a <see cref="PacketSizeLimitReader"/>, which follows the packet
/// boundaries in the bytes as they arrive and, at a remaining length over the limit, makes the stream look
/// closed to MQTTnet and aborts the connection. It relies on MQTTnet reading <c>ConnectionContext.Transport</c>
/// when its adapter is created, which 5.2 does. Counted as refused reason <c>packet-too-large</c>.
/// </para>
/// <para>
/// What if unavailable: if a future MQTTnet read from elsewhere, the limit would silently not apply; the test
/// <c>OversizeAnnouncedPacket_*</c> (server memory stays flat, the connection is closed) fails then.
/// </para>
/// </summary>
internal sealed class PacketSizeLimit(
    GatewayMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<PacketSizeLimit> logger) : IDisposable
{
    // A hostile client repeats itself: one line per episode.
    private readonly LogThrottle _log = new(logger, time);

    /// <summary>The Kestrel connection middleware; put it between TLS and MQTT.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => connection =>
    {
        Apply(connection);
        return next(connection);
    };

    /// <summary>Puts the limit in front of the connection's input.</summary>
    public void Apply(ConnectionContext connection)
    {
        var transport = connection.Transport;
        var remote = connection.RemoteEndPoint?.ToString();
        var reader = new PacketSizeLimitReader(transport.Input, options.Value.MaxPacketBytes, () =>
        {
            metrics.OnRefused("packet-too-large");
            _log.Log(LogLevel.Warning, "packet-too-large", null,
                "Closed the connection from {Remote}: an MQTT packet over {MaxPacketBytes} bytes announced",
                remote, options.Value.MaxPacketBytes);
            connection.Abort(new ConnectionAbortedException("MQTT packet too large."));
        });
        connection.Transport = new LimitedPipe(reader, transport.Output);
    }

    public void Dispose() => _log.Dispose();

    private sealed class LimitedPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
