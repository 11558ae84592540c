using System.Net;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CareWatch.FirmwareSim.Load;

/// <summary>
/// A stripped-down watch for load runs: one MQTT connection, one one-minute batch per publish (a new minute each), no
/// offline buffer and no retries (a failed publish is counted and the next tick tries again). What it
/// keeps from the real firmware is everything the gateway pays for: TLS, the IoT Hub CONNECT with a SAS
/// token, the telemetry topic with its property bag, QoS 1 with PUBACK after commit, a fresh seq each time.
/// </summary>
internal sealed class LoadWatch(DeviceConnectionString device, IPEndPoint? localEndpoint, LoadSettings settings,
    TimeProvider time, LoadStats stats) : IAsyncDisposable
{
    private static readonly KeyValuePair<string, string>[] Properties =
    [
        new("schema", TelemetryLimits.Schema), new("$.ct", "application/json"), new("$.ce", "utf-8"),
    ];

    // Six days of minutes: inside the gateway's seven-day replay window (TelemetryLimits.MaxAge) with a day to spare.
    private const int PastMinutes = 6 * 1440;

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _topic = IotHubTopics.Telemetry(device.DeviceId, Properties);
    private long _seq = time.GetUtcNow().ToUnixTimeMilliseconds();
    private bool _countedConnected;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects once; counts success or failure instead of throwing (except on cancellation).</summary>
    public async Task<bool> TryConnectAsync(System.Security.Cryptography.X509Certificates.X509Certificate2Collection? roots,
        CancellationToken ct)
    {
        MarkDisconnected();
        var token = SasToken.Create(SasToken.DeviceResource(device.HostName, device.DeviceId), device.SharedAccessKey,
            time.GetUtcNow() + TimeSpan.FromHours(24)); // runs last minutes: no renewal needed
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.MqttHost, settings.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(device.DeviceId)
            .WithCredentials(IotHubTopics.UserName(device.HostName, device.DeviceId) + "&DeviceClientType=carewatch-firmware-sim%2Fload", token)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
            .WithTimeout(settings.OperationTimeout);
        if (!settings.NoTls)
            builder = builder.WithTlsOptions(tls => tls.UseTls().WithTargetHost(settings.MqttHost)
                .WithCertificateValidationHandler(e => TlsTrust.Validate(e.Certificate, e.SslPolicyErrors, roots)));
        var options = builder.Build();
        // The source address is what lets one machine open more than ~28k connections to one port.
        if (localEndpoint is not null) ((MqttClientTcpOptions)options.ChannelOptions).LocalEndpoint = localEndpoint;
        try
        {
            await _client.ConnectAsync(options, ct);
            _countedConnected = true;
            stats.Connected();
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            stats.ConnectFailed();
            return false;
        }
    }

    /// <summary>
    /// Publishes one batch holding one minute the gateway has not stored yet, and records the outcome. A watch sends
    /// a minute once, so each load message is a minute of the last six days picked by its seq (unique per watch, and
    /// apart between runs started at other times): the gateway pays for storing it, not for recognising a repeat.
    /// </summary>
    public Task PublishAsync(CancellationToken ct)
    {
        var seq = Interlocked.Increment(ref _seq);
        return PublishMinuteAsync(seq, LastCompletedMinute().AddMinutes(-(seq % PastMinutes)), ct);
    }

    /// <summary>Publishes one batch holding the last completed minute (what wakes a senior's monitor), as above.</summary>
    public Task PublishLatestMinuteAsync(CancellationToken ct) =>
        PublishMinuteAsync(Interlocked.Increment(ref _seq), LastCompletedMinute(), ct);

    private DateTime LastCompletedMinute()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(-1);
    }

    private async Task PublishMinuteAsync(long seq, DateTime minute, CancellationToken ct)
    {
        var batch = new TelemetryBatch(seq, 80, false, [new MinuteSummary(minute, 12, 0, true)], []);
        // MQTTnet reports a cancelled wait as a timeout; only publishes that failed on their own count.
        try { await SendAsync(batch, ct); }
        catch (Exception) when (ct.IsCancellationRequested) { return; }
        if (!_client.IsConnected) MarkDisconnected();
    }

    /// <summary>
    /// Publishes one batch holding only a device event at the current time (the alert benchmark's SOS); true when
    /// the gateway acknowledged it. Counted like any other publish.
    /// </summary>
    public Task<bool> PublishEventAsync(DeviceEventKind kind, CancellationToken ct) =>
        SendAsync(new TelemetryBatch(Interlocked.Increment(ref _seq), 80, false, [],
            [new DeviceEvent(time.GetUtcNow().UtcDateTime, kind)]), ct);

    // One QoS 1 publish, counted (accepted with its PUBACK latency, refused, failed); true when acknowledged.
    // A publish cut off by the caller's cancellation is not counted and throws.
    private async Task<bool> SendAsync(TelemetryBatch batch, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(_topic).WithPayload(TelemetryJson.Serialize(batch))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var started = time.GetTimestamp();
        try
        {
            var result = await _client.PublishAsync(message, ct);
            if (result.IsSuccess) stats.Accepted(time.GetElapsedTime(started));
            else stats.Refused();
            return result.IsSuccess;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            stats.Failed();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        MarkDisconnected();
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Stopping anyway: a broken socket needs no goodbye.
        }
        _client.Dispose();
    }

    private void MarkDisconnected()
    {
        if (!_countedConnected) return;
        _countedConnected = false;
        stats.Disconnected();
    }
}
