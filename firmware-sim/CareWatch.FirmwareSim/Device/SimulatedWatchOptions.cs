namespace CareWatch.FirmwareSim.Device;

/// <summary>How a <see cref="SimulatedWatch"/> reaches the gateway.</summary>
public sealed record SimulatedWatchOptions
{
    /// <summary>MQTT host; null means the connection string's HostName.</summary>
    public string? MqttHost { get; init; }

    /// <summary>MQTT port (IoT Hub: 8883).</summary>
    public int MqttPort { get; init; } = 8883;

    /// <summary>False for plain TCP (in-process test brokers); real gateways need TLS.</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>PEM file of the only CA to trust; null means the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Lifetime of each SAS token; the watch reconnects with a fresh one before it runs out.</summary>
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The clock for tokens, timestamps and backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>First reconnect delay; doubles per attempt, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for CONNACK or PUBACK before treating the connection as broken.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First sequence number; null derives it from the clock (unix ms) so it grows across restarts.</summary>
    public long? InitialSeq { get; init; }

    /// <summary>Receives one line per connect, disconnect and failed attempt; null is silent.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// Answers IoT Hub direct methods (e.g. the "Are you OK?" prompt): given the method name and its JSON
    /// payload, returns the status and JSON answer. Null: the watch does not subscribe to methods.
    /// </summary>
    public Func<string, string, DirectMethodAnswer>? MethodHandler { get; init; }

    /// <summary>Reported to the device twin (<c>firmwareVersion</c>) after each connect; null reports nothing.</summary>
    public string? FirmwareVersion { get; init; }
}

/// <summary>A watch's answer to a direct method.</summary>
/// <param name="Status">Status code sent back (200 for success).</param>
/// <param name="PayloadJson">JSON answer.</param>
public sealed record DirectMethodAnswer(int Status, string PayloadJson);
