namespace CareWatch.FirmwareSim.Load;

/// <summary>The validated options of <c>carewatch-sim load</c>.</summary>
public sealed record LoadSettings
{
    /// <summary>File of device connection strings, one per line (as written by <c>carewatch-sim register</c>).</summary>
    public required string ConnectionsFile { get; init; }

    /// <summary>Index (0-based) of the first line of the file this process uses, so several processes can share one file.</summary>
    public int FirstWatch { get; init; }

    /// <summary>Watches (connections) this process runs; null means every line from <see cref="FirstWatch"/> on.</summary>
    public int? Watches { get; init; }

    /// <summary>MQTT host to connect to (must be loopback for bench runs, but any host works).</summary>
    public string MqttHost { get; init; } = "127.0.0.1";

    /// <summary>MQTT/TLS port of the gateway.</summary>
    public int MqttPort { get; init; } = 8883;

    /// <summary>PEM file of the gateway's CA; null means the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Plain MQTT over TCP (test brokers only).</summary>
    public bool NoTls { get; init; }

    /// <summary>Time between two messages of one watch.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the steady phase (after every watch tried to connect) lasts before the run stops by itself.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time between periodic report lines.</summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connect attempts in flight at once during the ramp-up.</summary>
    public int ConnectParallelism { get; init; } = 64;

    /// <summary>Loopback source addresses the watches bind to, round robin.</summary>
    public SourceAddresses SourceAddresses { get; init; } = SourceAddresses.None;

    /// <summary>How long to wait for CONNACK or PUBACK.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
