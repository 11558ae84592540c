
namespace CareWatch.Detection.Evaluation;

/// <summary>
/// The person's own resting counts, the raw material of an emergency copy: worn minutes between 00:00 and
/// 06:00 local on their training days whose count is at most the 80th percentile of those night minutes —
/// quiet-sleep levels, mostly 0 with small twitches, so an injected emergency looks like rest, not like a
/// flat line or a device fault.
/// </summary>
/// <param name="Values">Resting counts to draw from (never empty).</param>
/// <param name="FromNight">False when the person had too few worn night minutes and the fallback was used.</param>
public sealed record RestingPool(int[] Values, bool FromNight)
{
    /// <summary>Percentile of the night minutes that bounds the pool.</summary>
    public const double Percentile = 0.80;

    /// <summary>Percentile of all worn minutes that bounds the fallback pool: the quietest quarter of the day.</summary>
    public const double FallbackPercentile = 0.25;

    /// <summary>Fewest worn night minutes to build a pool from (two nights' worth of an hour).</summary>
    public const int MinimumNightMinutes = 120;

    /// <summary>Highest value in the pool: a minute above it is movement, not rest.</summary>
    public int Top { get; } = Values.Max();

    /// <summary>Builds the pool from training minutes.</summary>
    public static RestingPool Build(IEnumerable<ActivityMinute> training)
    {
        var worn = training.Where(m => m.Worn).ToList();
        var night = worn.Where(m => m.Local.Hour < 6).Select(m => m.Activity).ToArray();
        var fromNight = night.Length >= MinimumNightMinutes;
        // Fallback (watch charged every night): the person's quietest worn minutes of any hour.
        var source = fromNight ? night : worn.Select(m => m.Activity).ToArray();
        if (source.Length == 0) return new RestingPool([0], false);
        Array.Sort(source);
        var bound = source[(int)Math.Floor((fromNight ? Percentile : FallbackPercentile) * (source.Length - 1))];
        return new RestingPool(source.Where(v => v <= bound).ToArray(), fromNight);
    }

    /// <summary>One resting count drawn uniformly from the pool.</summary>
    public int Draw(Random random) => Values[random.Next(Values.Length)];
}
