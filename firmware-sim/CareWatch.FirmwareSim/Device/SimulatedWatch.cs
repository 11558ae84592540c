using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;
using MQTTnet;
using Polly;

namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// One simulated watch speaking the Azure IoT Hub device MQTT protocol: connects with a SAS token,
/// numbers its batches, keeps them in an <see cref="OfflineBuffer"/> until PUBACK and reconnects with
/// backoff when the connection breaks. Calls are serialised; one instance per device.
/// </summary>
public sealed class SimulatedWatch : IAsyncDisposable
{
    private static readonly KeyValuePair<string, string>[] TelemetryProperties =
    [
        new("schema", TelemetryLimits.Schema), new("$.ct", "application/json"), new("$.ce", "utf-8"),
    ];

    private readonly SimulatedWatchOptions _options;
    private readonly MqttConnection _connection;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _numbering = new();
    private readonly string _topic;
    private long _nextSeq;
    private long _published;
    private long _acknowledged;

    /// <summary>Creates a watch from its IoT Hub connection string; nothing connects yet.</summary>
    public SimulatedWatch(DeviceConnectionString connection, SimulatedWatchOptions? options = null)
    {
        _options = options ?? new SimulatedWatchOptions();
        Connection = connection;
        _connection = new MqttConnection(connection, _options);
        _retry = ReconnectPolicy.Create(_options, connection.DeviceId);
        _topic = IotHubTopics.Telemetry(connection.DeviceId, TelemetryProperties);
        _nextSeq = _options.InitialSeq ?? _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>Parses <paramref name="connectionString"/> (throws <see cref="FormatException"/>) and creates the watch.</summary>
    public SimulatedWatch(string connectionString, SimulatedWatchOptions? options = null)
        : this(DeviceConnectionString.Parse(connectionString), options) { }

    /// <summary>The device's credentials.</summary>
    public DeviceConnectionString Connection { get; }

    /// <summary>The device id (also the MQTT client id).</summary>
    public string DeviceId => Connection.DeviceId;

    /// <summary>The watch's own clock: its tokens, timestamps and batch timing follow it.</summary>
    public TimeProvider Clock => _options.TimeProvider;

    /// <summary>Whether the MQTT connection is up.</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <summary>The seq the next batch will carry.</summary>
    public long NextSeq => Interlocked.Read(ref _nextSeq);

    /// <summary>Batches waiting for their PUBACK.</summary>
    public OfflineBuffer Buffer { get; } = new();

    /// <summary>PUBLISH packets sent, re-sends included.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Batches acknowledged by the gateway.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Connects once (no retries); throws when the gateway is unreachable or refuses the device.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try { await _connection.EnsureConnectedAsync(cancellationToken); }
        finally { _gate.Release(); }
    }

    /// <summary>
    /// Builds a batch of the given minutes (oldest first) and events with a full battery, then sends
    /// everything pending. Returns once the gateway acknowledged all of it.
    /// </summary>
    public Task<TelemetryBatch> SendAsync(IReadOnlyList<MinuteSummary> minutes, IReadOnlyList<DeviceEvent>? events,
        CancellationToken cancellationToken = default) =>
        SendAsync(minutes, events, BatteryState.Full, cancellationToken);

    /// <summary>
    /// Builds a batch with the next seq, buffers it and sends everything pending, reconnecting with
    /// backoff as needed. Returns the batch once it is acknowledged. When cancelled, the batch stays
    /// buffered and goes out with the next send.
    /// </summary>
    public async Task<TelemetryBatch> SendAsync(IReadOnlyList<MinuteSummary> minutes, IReadOnlyList<DeviceEvent>? events,
        BatteryState battery, CancellationToken cancellationToken = default)
    {
        TelemetryBatch batch;
        // Numbered and queued together: an OK press sent beside the batch loop must not overtake a lower seq.
        lock (_numbering)
        {
            batch = new TelemetryBatch(Interlocked.Increment(ref _nextSeq) - 1, battery.Level, battery.Charging, minutes, events ?? []);
            Buffer.Add(batch);
        }
        await FlushAsync(cancellationToken);
        return batch;
    }

    /// <summary>Sends every buffered batch, oldest first, each until its PUBACK arrives.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var tooOld = _options.TimeProvider.GetUtcNow().UtcDateTime - TelemetryLimits.MaxAge + TimeSpan.FromMinutes(5);
            var dropped = Buffer.DropOlderThan(tooOld);
            if (dropped > 0) _options.Log?.Invoke($"{DeviceId}: dropped {dropped} buffered batch(es) older than the server accepts");
            while (Buffer.TryPeek(out var batch))
            {
                await _retry.ExecuteAsync(async token => await PublishOnceAsync(batch, token), cancellationToken);
                Buffer.Acknowledge(batch);
                Interlocked.Increment(ref _acknowledged);
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Disconnects cleanly; the buffer is kept.</summary>
    public Task DisconnectAsync() => _connection.DisconnectAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task PublishOnceAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        await _connection.EnsureConnectedAsync(cancellationToken);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            // "sent" is read from the watch's clock at each (re)send, so the gateway can tell how far off that clock is.
            .WithPayload(TelemetryJson.Serialize(batch with { SentAt = _options.TimeProvider.GetUtcNow().UtcDateTime }))
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        Interlocked.Increment(ref _published);
        await _connection.PublishAsync(message, cancellationToken);
    }
}
