namespace CareWatch.FirmwareSim.Load;

/// <summary>
/// PUBACK latencies in logarithmic buckets (each 5 % wider than the one before, from 10 µs up to
/// about 10 minutes). Recording is lock-free and constant-size, so fifty thousand watches can share
/// one; a percentile is exact to within one bucket (5 %), which is plenty for a load report.
/// </summary>
public sealed class LatencyHistogram
{
    private const double FirstBoundMs = 0.01;
    private const double Growth = 1.05;
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(600_000 / FirstBoundMs) / Math.Log(Growth)) + 1;
    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Number of latencies recorded.</summary>
    public long Count => Snapshot().Sum();

    /// <summary>Records one latency.</summary>
    public void Record(TimeSpan latency)
    {
        var ms = latency.TotalMilliseconds;
        var bucket = ms <= FirstBoundMs ? 0 : (int)Math.Ceiling(Math.Log(ms / FirstBoundMs) / Math.Log(Growth));
        Interlocked.Increment(ref _counts[Math.Min(bucket, BucketCount - 1)]);
    }

    /// <summary>A copy of the bucket counts, to subtract from a later one.</summary>
    public long[] Snapshot() => _counts.Select(c => Interlocked.Read(ref c)).ToArray();

    /// <summary>
    /// The upper bound in milliseconds of the bucket holding the <paramref name="quantile"/> (0–1) of the
    /// latencies recorded between two snapshots (<paramref name="before"/> null: since the start); null when none.
    /// </summary>
    public static double? Percentile(long[] after, long[]? before, double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        var counts = after.Select((c, i) => c - (before?[i] ?? 0)).ToArray();
        var total = counts.Sum();
        if (total == 0) return null;
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank) return FirstBoundMs * Math.Pow(Growth, i);
        }
        return FirstBoundMs * Math.Pow(Growth, counts.Length - 1);
    }
}
