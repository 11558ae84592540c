using System.ComponentModel.DataAnnotations;

namespace CareWatch.Gateway;

/// <summary>Settings of the embedded device gateway, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway";

    /// <summary>The IoT Hub host name that devices sign their SAS tokens for and put in their user name.</summary>
    [Required, MinLength(1)]
    public string HostName { get; set; } = "localhost";

    /// <summary>TCP port of the MQTT over TLS listener; 0 disables it.</summary>
    [Range(0, 65535)]
    public int MqttPort { get; set; } = 8883;

    /// <summary>The IP address the MQTT listener binds to (<c>0.0.0.0</c> or <c>::</c> for all).</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Folder for gateway state; the private CA lives in <c>{DataDirectory}/pki</c>.</summary>
    [Required, MinLength(1)]
    public string DataDirectory { get; set; } = ".carewatch";

    /// <summary>How far past its expiry a SAS token is still accepted, for watches whose clock lags.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SasClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Lets OpenSSL free each TLS connection's two record buffers (about 34 KB) while it is idle; costs an
    /// allocation per record. Off: the runtime's default, buffers kept for the connection's life.
    /// </summary>
    public bool ReleaseIdleTlsBuffers { get; set; } = true;

    /// <summary>Most device messages written in one database transaction.</summary>
    [Range(1, 10_000)]
    public int BatchMaxMessages { get; set; } = 500;

    /// <summary>
    /// How long the writer waits for more messages after the first one of a batch. Every device waits
    /// this long (at most) for its PUBACK, so keep it small; 0 writes whatever is queued at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan BatchMaxDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Sustained publishes per minute one watch may send (telemetry, twin patches, method answers).
    /// A watch over the limit is disconnected without PUBACK and resends later, so nothing is lost.
    /// </summary>
    [Range(1, 1_000_000)]
    public int DeviceMessagesPerMinute { get; set; } = 120;

    /// <summary>Publishes a watch may send in a burst before the per-minute rate applies (replay after an outage).</summary>
    [Range(1, 1_000_000)]
    public int DeviceMessageBurst { get; set; } = 1000;

    /// <summary>How long a direct method call waits for the watch's answer when the caller names no timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan DefaultMethodTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a new TLS connection may take to send a valid CONNECT before it is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connecting watch waits for the device registry in PostgreSQL (its keys; then the connection
    /// timestamps). A CONNECT whose keys do not come back in time is refused as "server unavailable" (MQTT 3.1.1
    /// return code 3, MQTT 5 reason 0x88), so a hung database leaves no watch without an answer: well under the
    /// 10-30 s devices wait for a CONNACK, well over a lookup's few milliseconds on a loaded database.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RegistryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Largest MQTT packet a client may announce, in bytes of remaining length (everything after the 2-5 byte fixed
    /// header). IoT Hub's 256 KiB device-to-cloud message plus 16 KiB for its topic (the property bag) and MQTT 5
    /// properties. A larger announcement closes the connection before its body is buffered (refused reason
    /// <c>packet-too-large</c>), before or after CONNECT. Range 1 KiB to the MQTT maximum (256 MiB).
    /// </summary>
    [Range(1024, 268_435_455)]
    public int MaxPacketBytes { get; set; } = (256 + 16) * 1024;

    /// <summary>
    /// Most MQTT connections (TLS and WebSocket each) open at once from one source address (an IPv4 address, or an
    /// IPv6 /64); the next one is closed before its TLS handshake (refused reason <c>too-many-connections</c>).
    /// Loopback is not exempt. Generous by default: watches on mobile networks share carrier NAT addresses, and
    /// the demo fleet (600) and the benchmarks (ops/bench-gateway.sh holds up to 50,000 across processes) connect
    /// from 127.0.0.1; a benchmark above the default sets it higher. 0: no limit.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 10_000;

    /// <summary>
    /// New MQTT connections one source address may open in a burst (TLS and WebSocket alike; counted before TLS,
    /// whether or not they authenticate). Covers the demo fleet (600 watches on 127.0.0.1) reconnecting at once after
    /// a restart. Refused reason <c>connection-rate</c>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int ConnectionBurstPerAddress { get; set; } = 2_000;

    /// <summary>
    /// New connections per minute an address gets back (continuously) after its burst; 0 turns the rate limit off
    /// (benchmarks that connect tens of thousands of watches from one machine do).
    /// </summary>
    [Range(0, 10_000_000)]
    public int ConnectionsPerAddressPerMinute { get; set; } = 600;

    /// <summary>
    /// Failed authentications (unknown device, wrong user name, bad or expired SAS token, invalid client id) one
    /// source address may make in a burst. Once they are used up, every CONNECT from that address is refused as
    /// "server unavailable" without looking at its token (refused reason <c>auth-throttled</c>) until
    /// <see cref="FailedAuthPerMinute"/> has given some back: a key cannot be guessed faster, and a flood of bad
    /// tokens costs no database lookups. Only failures count, so a large fleet behind one address is not slowed
    /// by its good connections; a watch retrying with a stale key every few seconds stays under the refill rate.
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailedAuthBurst { get; set; } = 50;

    /// <summary>Failed authentications per minute an address gets back (continuously) after its burst.</summary>
    [Range(1, 1_000_000)]
    public int FailedAuthPerMinute { get; set; } = 30;
}
