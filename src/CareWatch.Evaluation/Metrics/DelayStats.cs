namespace CareWatch.Evaluation.Metrics;

/// <summary>
/// Delay figures of a set of emergencies. Missed emergencies count as later than any alert, so a median or
/// 90th percentile that falls on a miss is reported as null ("&gt; 12 h"), never flattered by dropping misses.
/// </summary>
/// <param name="Count">Emergencies.</param>
/// <param name="Missed">Emergencies with no alert within 12 h.</param>
/// <param name="MedianMinutes">Median delay in minutes, or null when it falls on a miss (or there are none).</param>
/// <param name="P90Minutes">90th-percentile delay in minutes (nearest rank), or null likewise.</param>
/// <param name="MaxDetectedMinutes">Longest delay among detected emergencies, or null when none was detected.</param>
public sealed record DelayStats(int Count, int Missed, double? MedianMinutes, double? P90Minutes, double? MaxDetectedMinutes)
{
    /// <summary>Share missed (0 when there were none).</summary>
    public double MissRate => Count == 0 ? 0 : (double)Missed / Count;

    /// <summary>Computes the figures from delays (null = missed).</summary>
    public static DelayStats From(IEnumerable<TimeSpan?> delays)
    {
        var values = delays.Select(d => d?.TotalMinutes ?? double.PositiveInfinity).Order().ToArray();
        var missed = values.Count(double.IsPositiveInfinity);
        var detected = values.Where(double.IsFinite).ToArray();
        return new DelayStats(values.Length, missed, Rank(values, 0.5), Rank(values, 0.9), detected.Length == 0 ? null : detected.Max());
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    internal static double? Rank(double[] sorted, double p)
    {
        if (sorted.Length == 0) return null;
        var value = sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return double.IsFinite(value) ? value : null;
    }
}
