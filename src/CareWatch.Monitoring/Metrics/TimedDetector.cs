using System.Diagnostics;
using CareWatch.Detection;

namespace CareWatch.Monitoring.Metrics;

/// <summary>
/// A detector that records how long each minute's judgement takes (the "model scoring time" on /metrics). Two
/// timestamp reads per minute cost tens of nanoseconds, against a senior's one minute of data per minute.
/// </summary>
internal sealed class TimedDetector(IInactivityDetector inner, MonitoringMetrics metrics) : IInactivityDetector
{
    public DateTime? StillSince => inner.StillSince;

    public InactivityFacts? Facts => inner.Facts;

    public DetectorOutput Observe(in ActivityMinute minute)
    {
        var started = Stopwatch.GetTimestamp();
        var output = inner.Observe(minute);
        metrics.OnScored(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return output;
    }
}
