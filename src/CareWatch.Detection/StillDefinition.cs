namespace CareWatch.Detection;

/// <summary>
/// What "still" means for one person on their own device: a worn minute whose count is at most
/// <see cref="Ceiling"/>. The ceiling is the higher of two personal levels, both on the device's own scale:
/// a tenth of the way from the resting floor (some devices never read 0) to the typical active level, and
/// the person's quiet-sleep level (the 85th percentile of their worn minutes between 00:00 and 06:00), so
/// the small twitches of someone lying quietly never count as movement — for a restless sleeper that can
/// lie above a tenth of their range, and the definition must still see them lying still on the floor.
/// </summary>
/// <param name="Floor">The person's resting floor (5th percentile of worn minutes).</param>
/// <param name="ActiveLevel">Their typical active count (75th percentile of worn minutes).</param>
/// <param name="Ceiling">Highest count that is still.</param>
public sealed record StillDefinition(double Floor, double ActiveLevel, double Ceiling)
{
    /// <summary>Fraction of the floor-to-active range that still counts as still: rest twitches, not chores.</summary>
    public const double CeilingFraction = 0.10;

    /// <summary>Percentile of worn night minutes taken as the quiet-sleep level.</summary>
    public const double QuietSleepPercentile = 0.85;

    /// <summary>Fewest worn minutes (about half a day) needed to learn a person's own scale.</summary>
    public const int MinimumMinutes = 720;

    /// <summary>Whether <paramref name="minute"/> is still under this definition.</summary>
    public bool IsStill(in ActivityMinute minute) => minute.Worn && minute.Activity <= Ceiling;

    /// <summary>
    /// Learns the definition from a person's worn minutes; with too little data, falls back to
    /// <paramref name="fallback"/> (for example a population value for the same device model).
    /// </summary>
    public static StillDefinition Learn(IEnumerable<ActivityMinute> minutes, StillDefinition fallback)
    {
        var wornMinutes = minutes.Where(m => m.Worn).ToList();
        if (wornMinutes.Count < MinimumMinutes) return fallback;
        var worn = wornMinutes.Select(m => m.Activity).Order().ToArray();
        var night = wornMinutes.Where(m => m.Local.Hour < 6).Select(m => m.Activity).Order().ToArray();
        double floor = Percentile(worn, 0.05), active = Percentile(worn, 0.75);
        var range = active - floor;
        var quietSleep = night.Length >= 120 ? Percentile(night, QuietSleepPercentile) : floor;
        var ceiling = Math.Max(floor + CeilingFraction * range, quietSleep);
        // A person who barely moves still needs a ceiling above their floor, or every twitch ends rest.
        return new StillDefinition(floor, active, Math.Max(floor + 1, ceiling));
    }

    /// <summary>A definition for the Actiwatch-like scale, used before a person has history.</summary>
    public static StillDefinition Default { get; } = new(0, 300, 30);

    private static double Percentile(int[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
