namespace CareWatch.Monitoring;

/// <summary>One watch's battery as a batch reported it (the gateway's batch header: level and charging).</summary>
/// <param name="DeviceId">The watch (a senior may wear one and charge another).</param>
/// <param name="Level">Charge, 0–100 %.</param>
/// <param name="Charging">On its charger.</param>
/// <param name="AtUtc">The newest minute or event of the batch: when the level was true.</param>
[GenerateSerializer, Immutable]
public sealed record BatteryReading(
    [property: Id(0)] string DeviceId, [property: Id(1)] int Level, [property: Id(2)] bool Charging,
    [property: Id(3)] DateTime AtUtc);

/// <summary>
/// Follows the batteries of a senior's watches against the bureau's low-battery level: a watch is low from the first
/// reading below the level until it is charging or back at the level plus <see cref="Hysteresis"/> (so a level that
/// wobbles around the threshold does not raise and resolve an alert every batch). The senior's battery is low while
/// any of her watches is; the monitor alerts only by day (a low watch at night is charged in the morning).
/// </summary>
public sealed class BatteryTracker
{
    /// <summary>Percentage points above the level a watch must be charged to before it is no longer low.</summary>
    public const int Hysteresis = 5;

    private readonly Dictionary<string, DateTime> _lowSince = [];

    /// <summary>Since when some watch of the senior has been low (the earliest), or null when none is.</summary>
    public DateTime? LowSince => _lowSince.Count == 0 ? null : _lowSince.Values.Min();

    /// <summary>Takes one reading against <paramref name="lowPercent"/>; returns <see cref="LowSince"/> after it.</summary>
    public DateTime? Observe(BatteryReading reading, int lowPercent)
    {
        if (reading.Charging || reading.Level >= lowPercent + Hysteresis) _lowSince.Remove(reading.DeviceId);
        else if (reading.Level < lowPercent) _lowSince.TryAdd(reading.DeviceId, reading.AtUtc);
        return LowSince;
    }
}
