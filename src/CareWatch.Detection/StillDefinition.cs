namespace CareWatch.Detection;

/// <summary>
/// What "still" means for one person on their own device: a worn minute whose count is at most
/// <see cref="Ceiling"/>. The ceiling sits a fixed fraction of the way from the person's resting floor
/// (some devices never read 0) to their typical active level, so it scales with the device.
/// </summary>
/// <param name="Floor">The person's resting floor (5th percentile of worn minutes).</param>
/// <param name="ActiveLevel">Their typical active count (75th percentile of worn minutes).</param>
/// <param name="Ceiling">Highest count that is still.</param>
public sealed record StillDefinition(double Floor, double ActiveLevel, double Ceiling)
{
    /// <summary>Fraction of the floor-to-active range that still counts as still: rest twitches, not chores.</summary>
    public const double CeilingFraction = 0.10;

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
        var worn = minutes.Where(m => m.Worn).Select(m => m.Activity).ToArray();
        if (worn.Length < MinimumMinutes) return fallback;
        Array.Sort(worn);
        double floor = Percentile(worn, 0.05), active = Percentile(worn, 0.75);
        // A person who barely moves still needs a ceiling above their floor, or every twitch ends rest.
        var ceiling = Math.Max(floor + 1, floor + CeilingFraction * (active - floor));
        return new StillDefinition(floor, active, ceiling);
    }

    /// <summary>A definition for the Actiwatch-like scale, used before a person has history.</summary>
    public static StillDefinition Default { get; } = new(0, 300, 30);

    private static double Percentile(int[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
