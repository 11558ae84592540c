using System.ComponentModel.DataAnnotations;

namespace CareWatch.Gateway.Hub;

/// <summary>
/// Azure IoT Hub mode, bound from the <c>IotHub</c> section: telemetry is read from the hub's built-in
/// Event Hubs–compatible endpoint instead of (or besides) the embedded gateway.
/// </summary>
public sealed class IotHubOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "IotHub";

    /// <summary>Read telemetry from the hub.</summary>
    public bool Enabled { get; set; }

    /// <summary>The built-in endpoint's "Event Hub-compatible endpoint" connection string (with <c>EntityPath=</c>).</summary>
    public string? EventHubsConnectionString { get; set; }

    /// <summary>Consumer group; give CareWatch its own so other readers do not compete with it.</summary>
    [Required, MinLength(1)]
    public string ConsumerGroup { get; set; } = "$Default";

    /// <summary>Longest wait between retries after the hub or the database failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events stored between two checkpoint writes (a quiet partition is checkpointed anyway).</summary>
    [Range(1, 100_000)]
    public int CheckpointEvery { get; set; } = 100;
}
