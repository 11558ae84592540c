namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// The stable habits of one simulated senior, drawn once from the seed: when they usually get up and go
/// to bed, how lively they are, how still they are at rest and whether the watch charges overnight.
/// </summary>
/// <param name="WakeMinutes">Usual wake time, minutes after local midnight.</param>
/// <param name="BedMinutes">Usual bed time, minutes after local midnight (may exceed 1440 for after midnight).</param>
/// <param name="Liveliness">Multiplier on active movement counts (about 0.6–1.4).</param>
/// <param name="RestZeroShare">Share of resting minutes that read exactly 0.</param>
/// <param name="RestMedian">Median of the non-zero resting counts.</param>
/// <param name="NapChance">Probability of an afternoon nap on a given day.</param>
/// <param name="WalkChance">Probability of a walk or outing on a given day.</param>
/// <param name="ChargesAtNight">Whether the watch comes off at night to charge (else it charges in the morning).</param>
public sealed record PersonProfile(
    int WakeMinutes,
    int BedMinutes,
    double Liveliness,
    double RestZeroShare,
    double RestMedian,
    double NapChance,
    double WalkChance,
    bool ChargesAtNight)
{
    /// <summary>Draws a plausible profile from a seed.</summary>
    public static PersonProfile FromSeed(int seed)
    {
        var r = new SeededRandom(seed, 0x5EED);
        return new PersonProfile(
            WakeMinutes: r.Next(6 * 60, 8 * 60 + 15),
            BedMinutes: r.Next(21 * 60 + 15, 23 * 60 + 30),
            Liveliness: r.Between(0.6, 1.4),
            RestZeroShare: r.Between(0.55, 0.8),
            RestMedian: r.Between(2.0, 8.0),
            NapChance: r.Between(0.2, 0.8),
            WalkChance: r.Between(0.5, 0.95),
            ChargesAtNight: r.Chance(0.25));
    }
}
