using CareWatch.FirmwareSim.Device;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>How a fleet publishes.</summary>
public sealed record FleetOptions
{
    /// <summary>Time between live batches (a batch holds the minutes completed since the previous one).</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>History uploaded at start, before streaming live.</summary>
    public TimeSpan Backfill { get; init; } = TimeSpan.Zero;

    /// <summary>Minutes per backfill batch.</summary>
    public int BackfillBatchMinutes { get; init; } = 60;

    /// <summary>Time between summary log lines.</summary>
    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Connection settings shared by all watches (TimeProvider and Log included).</summary>
    public SimulatedWatchOptions Watch { get; init; } = new();
}
