using System.Globalization;

namespace CareWatch.FirmwareSim.Load;

/// <summary>
/// What a load run achieved between two snapshots: accepted messages per second, PUBACK latency
/// median and p99, and how many watches were connected at the end of the span.
/// </summary>
/// <param name="Seconds">Length of the span.</param>
/// <param name="Accepted">Messages accepted in the span.</param>
/// <param name="Refused">Messages refused in the span.</param>
/// <param name="Failed">Publishes without PUBACK in the span.</param>
/// <param name="Connected">Watches connected at the end.</param>
/// <param name="Watches">Watches in the run.</param>
/// <param name="ConnectFailures">Failed connect attempts in the span.</param>
/// <param name="MedianMs">PUBACK latency median (ms), null when nothing was accepted.</param>
/// <param name="P99Ms">PUBACK latency 99th percentile (ms), null when nothing was accepted.</param>
public sealed record RateReport(double Seconds, long Accepted, long Refused, long Failed, long Connected, int Watches,
    long ConnectFailures, double? MedianMs, double? P99Ms)
{
    /// <summary>Accepted messages per second over the span (0 for an empty span).</summary>
    public double AcceptedPerSecond => Seconds > 0 ? Accepted / Seconds : 0;

    /// <summary>The report of the span from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static RateReport Between(LoadSnapshot from, LoadSnapshot to, int watches, TimeProvider time) => new(
        time.GetElapsedTime(from.Timestamp, to.Timestamp).TotalSeconds,
        to.Accepted - from.Accepted, to.Refused - from.Refused, to.Failed - from.Failed, to.Connected, watches,
        to.ConnectFailures - from.ConnectFailures,
        LatencyHistogram.Percentile(to.LatencyBuckets, from.LatencyBuckets, 0.5),
        LatencyHistogram.Percentile(to.LatencyBuckets, from.LatencyBuckets, 0.99));

    /// <summary>One human line, e.g. <c>last 10 s: 4,998/5,000 connected, 4,990 accepted (499.0/s), PUBACK p50 2.1 ms p99 9.8 ms</c>.</summary>
    public string Format(string label)
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Format(c, "{0} ({1:0.#} s): {2:N0}/{3:N0} connected, {4:N0} accepted ({5:0.0}/s), PUBACK p50 {6} p99 {7}",
            label, Seconds, Connected, Watches, Accepted, AcceptedPerSecond, Ms(MedianMs), Ms(P99Ms));
        if (Refused > 0) text += string.Format(c, ", {0:N0} refused", Refused);
        if (Failed > 0) text += string.Format(c, ", {0:N0} without PUBACK", Failed);
        if (ConnectFailures > 0) text += string.Format(c, ", {0:N0} failed connects", ConnectFailures);
        return text;
    }

    /// <summary>
    /// One machine-readable line (<c>RESULT key=value …</c>, invariant culture) that scripts such as
    /// ops/bench.sh add up over several simulator processes.
    /// </summary>
    public string FormatResult(long peakConnected) => string.Format(CultureInfo.InvariantCulture,
        "RESULT watches={0} connected={1} peak_connected={2} accepted={3} refused={4} failed={5} connect_failures={6} seconds={7:0.###} rate={8:0.#} p50_ms={9} p99_ms={10}",
        Watches, Connected, peakConnected, Accepted, Refused, Failed, ConnectFailures, Seconds, AcceptedPerSecond,
        MedianMs?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-", P99Ms?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-");

    private static string Ms(double? ms) => ms is { } v ? v.ToString(v < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms" : "-";
}
