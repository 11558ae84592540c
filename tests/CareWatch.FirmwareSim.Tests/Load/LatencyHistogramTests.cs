using CareWatch.FirmwareSim.Load;

namespace CareWatch.FirmwareSim.Tests.Load;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_HundredLatencies_MedianAndP99WithinOneBucket()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 100; ms++) histogram.Record(TimeSpan.FromMilliseconds(ms));

        var snapshot = histogram.Snapshot();

        Assert.InRange(LatencyHistogram.Percentile(snapshot, null, 0.5)!.Value, 50, 50 * 1.05);
        Assert.InRange(LatencyHistogram.Percentile(snapshot, null, 0.99)!.Value, 99, 99 * 1.05);
        Assert.Equal(100, histogram.Count);
    }

    [Fact]
    public void Percentile_NothingRecorded_Null()
    {
        Assert.Null(LatencyHistogram.Percentile(new LatencyHistogram().Snapshot(), null, 0.5));
    }

    [Fact]
    public void Percentile_BetweenSnapshots_OnlyLaterLatenciesCount()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 1000; i++) histogram.Record(TimeSpan.FromMilliseconds(1));
        var before = histogram.Snapshot();
        for (var i = 0; i < 10; i++) histogram.Record(TimeSpan.FromSeconds(2));

        var p50 = LatencyHistogram.Percentile(histogram.Snapshot(), before, 0.5);

        Assert.InRange(p50!.Value, 2000, 2000 * 1.05);
    }

    [Fact]
    public void Record_HugeLatency_LandsInLastBucketInsteadOfThrowing()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(TimeSpan.FromHours(5));

        Assert.True(LatencyHistogram.Percentile(histogram.Snapshot(), null, 1) >= 600_000);
    }
}
