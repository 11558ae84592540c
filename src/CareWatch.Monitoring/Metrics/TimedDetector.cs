using System.Diagnostics;
using CareWatch.Detection;

namespace CareWatch.Monitoring.Metrics;

/// <summary>
/// A detector that measures how long its minutes' judgements take (the "model scoring time" on /metrics) and records
/// it once per batch the monitor feeds it (<see cref="RecordBatch"/>): the batch's time per minute on the histogram,
/// its minutes on the counter. Two timestamp reads per minute cost tens of nanoseconds; one histogram record per
/// minute cost more than that, and a monitor's restart replays a day of minutes at once.
/// </summary>
internal sealed class TimedDetector(IInactivityDetector inner, MonitoringMetrics metrics) : IInactivityDetector
{
    private long _elapsedTicks; // Stopwatch ticks spent in the inner detector since the last batch was recorded
    private int _minutes;

    public DateTime? StillSince => inner.StillSince;

    public InactivityFacts? Facts => inner.Facts;

    public DetectorOutput Observe(in ActivityMinute minute)
    {
        var started = Stopwatch.GetTimestamp();
        var output = inner.Observe(minute);
        _elapsedTicks += Stopwatch.GetTimestamp() - started;
        _minutes++;
        return output;
    }

    /// <summary>Records the minutes judged since the last call, if any, and starts the next batch.</summary>
    public void RecordBatch()
    {
        if (_minutes == 0) return;
        metrics.OnScored((double)_elapsedTicks / Stopwatch.Frequency / _minutes, _minutes);
        _elapsedTicks = 0;
        _minutes = 0;
    }
}
