using System.Globalization;

namespace CareWatch.FirmwareSim.Bench;

/// <summary>
/// The alert benchmark's figures: alerts sent, boards listening, pushes received (at most sent × boards) and their
/// latency percentiles (exact, from all samples), and every alert push the boards received (an alert's later changes,
/// such as its escalation, are pushes too: what the server's fan-out cost is spent on).
/// </summary>
public sealed record AlertBenchResult(int Sent, int Boards, int Received, double? P50Ms, double? P99Ms, double? MaxMs,
    TimeSpan Elapsed, long Pushes = 0)
{
    /// <summary>From the sorted latencies of the pushes that arrived, one per alert and board.</summary>
    public static AlertBenchResult From(int sent, int boards, IReadOnlyList<double> sortedMs, TimeSpan elapsed,
        long pushes = 0) =>
        new(sent, boards, sortedMs.Count, Quantile(sortedMs, 0.5), Quantile(sortedMs, 0.99),
            sortedMs.Count > 0 ? sortedMs[^1] : null, elapsed, pushes);

    /// <summary>The RESULT line ops/bench-alerts.sh reads.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"RESULT sent={Sent} boards={Boards} received={Received} p50_ms={P50Ms:F1} p99_ms={P99Ms:F1} max_ms={MaxMs:F1} "
        + $"seconds={Elapsed.TotalSeconds:F1} pushes={Pushes}");

    // Nearest rank: the smallest sample with at least q of the samples at or below it.
    private static double? Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
