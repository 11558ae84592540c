namespace CareWatch.FirmwareSim.Bench;

/// <summary>What <c>carewatch-sim bench-alerts</c> measures.</summary>
public sealed class AlertBenchSettings
{
    /// <summary>Connection strings, one per line; each watch must be worn by a different senior.</summary>
    public required string ConnectionsFile { get; init; }
    /// <summary>The server's HTTP base URL (device list, alerts hub).</summary>
    public required Uri Server { get; init; }
    /// <summary>The bureau's API key: the board signs in with it.</summary>
    public required string ApiKey { get; init; }
    /// <summary>Gateway host.</summary>
    public string MqttHost { get; init; } = "127.0.0.1";
    /// <summary>Gateway MQTT/TLS port.</summary>
    public int MqttPort { get; init; } = 8883;
    /// <summary>PEM file of the CA to trust.</summary>
    public string? CaFile { get; init; }
    /// <summary>New alerts per minute, evenly spaced (each from the next watch).</summary>
    public double AlertsPerMinute { get; init; } = 1000;
    /// <summary>Boards (SignalR connections to the alerts hub, one bureau) that each receive every alert.</summary>
    public int Boards { get; init; } = 1;
    /// <summary>How long a push may take before it counts as missing.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(30);
}
