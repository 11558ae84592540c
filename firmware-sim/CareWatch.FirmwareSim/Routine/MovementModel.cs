using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// Turns an activity into one minute's reading on an Actiwatch-like count scale: rest is mostly 0 with
/// small counts, household activity reads tens to hundreds, a walk several hundred (compare the
/// Depresjon control recordings in ../shared/data/depresjon).
/// </summary>
internal static class MovementModel
{
    public static MinuteSummary Sample(PersonProfile p, ActivityKind kind, DateTime startUtc, ref SeededRandom r)
    {
        var (movement, steps) = kind switch
        {
            ActivityKind.Charging => (0, 0),
            ActivityKind.Sleep => (Asleep(p, ref r, zeroShare: 0.88), 0),
            ActivityKind.Nap => (Asleep(p, ref r, zeroShare: 0.75), 0),
            ActivityKind.Sitting => (r.Chance(0.12) ? Active(p, ref r, median: 40, spread: 0.6) : Resting(p, ref r), 0),
            ActivityKind.Meal => (Active(p, ref r, median: 60, spread: 0.6), r.Next(0, 4)),
            ActivityKind.Pottering => r.Chance(0.1) ? (Resting(p, ref r), 0) : (Active(p, ref r, 150, 0.7), r.Next(0, 25)),
            ActivityKind.Bathroom => (Active(p, ref r, median: 150, spread: 0.5), r.Next(5, 25)),
            ActivityKind.Walk => r.Chance(0.1) ? (Active(p, ref r, 80, 0.5), r.Next(0, 15)) : (Active(p, ref r, 550, 0.35), r.Next(70, 115)),
            _ => (0, 0),
        };
        return new MinuteSummary(startUtc,
            Math.Clamp(movement, 0, TelemetryLimits.MaxMovement),
            Math.Clamp(steps, 0, TelemetryLimits.MaxStepsPerMinute),
            Worn: kind != ActivityKind.Charging);
    }

    /// <summary>
    /// Someone lying still — collapsed, or unable to get up: a motionless wrist reads 0, now and then a count
    /// of 1 (sensor noise). Not their sleep: its twitches (up to about twice the resting median) lie above the
    /// still ceiling the server learns for these people (a tenth of their range, 2–11 counts for the demo's
    /// five, as their quiet-sleep level is 0), so they would end her still period every quarter of an hour
    /// and no detector would see her lying still. A learned ceiling is never below 1: this is still for anyone.
    /// </summary>
    public static int LyingStill(PersonProfile p, ref SeededRandom r) => r.Chance(0.9) ? 0 : 1;

    /// <summary>The person's own resting counts: mostly 0, otherwise a few counts, now and then a twitch.</summary>
    public static int Resting(PersonProfile p, ref SeededRandom r)
    {
        if (r.Chance(p.RestZeroShare)) return 0;
        return Math.Max(1, (int)Math.Round(r.LogNormal(p.RestMedian, 0.8)));
    }

    private static int Asleep(PersonProfile p, ref SeededRandom r, double zeroShare)
    {
        if (r.Chance(zeroShare)) return 0;
        return r.Chance(0.1) ? (int)r.Between(15, 80) : Math.Max(1, (int)Math.Round(r.LogNormal(p.RestMedian, 0.7)));
    }

    private static int Active(PersonProfile p, ref SeededRandom r, double median, double spread) =>
        (int)Math.Round(r.LogNormal(median * p.Liveliness, spread));
}
