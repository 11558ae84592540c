namespace CareWatch.FirmwareSim.Routine;

/// <summary>The watch battery as reported in a batch.</summary>
/// <param name="Level">Charge in percent, 0–100.</param>
/// <param name="Charging">Whether the watch sits on its charger.</param>
public readonly record struct BatteryState(int Level, bool Charging)
{
    /// <summary>A full battery off the charger, for callers that do not model the battery.</summary>
    public static BatteryState Full => new(100, false);
}
