using CareWatch.Protocol;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>Valid v1 batches around the current minute.</summary>
public static class Batches
{
    public static DateTime ThisMinute()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    public static TelemetryBatch Minutes(long seq, int count, DateTime? end = null, int battery = 80)
    {
        var last = end ?? ThisMinute().AddMinutes(-1);
        var minutes = Enumerable.Range(0, count)
            .Select(i => new MinuteSummary(last.AddMinutes(i - count + 1), 10 + i, i % 5, true)).ToList();
        return new TelemetryBatch(seq, battery, false, minutes, []);
    }

    public static byte[] Payload(TelemetryBatch batch) => TelemetryJson.Serialize(batch);
}
