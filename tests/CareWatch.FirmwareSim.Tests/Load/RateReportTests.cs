using CareWatch.FirmwareSim.Load;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.Load;

public sealed class RateReportTests
{
    private static (RateReport Report, LoadStats Stats) TenSecondsOf(int accepted, int refused = 0, int failed = 0)
    {
        var time = new FakeTimeProvider();
        var stats = new LoadStats();
        var from = stats.Take(time.GetTimestamp());
        for (var i = 0; i < accepted; i++) stats.Accepted(TimeSpan.FromMilliseconds(4));
        for (var i = 0; i < refused; i++) stats.Refused();
        for (var i = 0; i < failed; i++) stats.Failed();
        time.Advance(TimeSpan.FromSeconds(10));
        var to = stats.Take(time.GetTimestamp()) with { Connected = 95 };
        return (RateReport.Between(from, to, watches: 100, time), stats);
    }

    [Fact]
    public void Between_ThousandAcceptedInTenSeconds_HundredPerSecond()
    {
        var (report, _) = TenSecondsOf(1000);

        Assert.Equal(10, report.Seconds, 3);
        Assert.Equal(1000, report.Accepted);
        Assert.Equal(100, report.AcceptedPerSecond, 3);
        Assert.InRange(report.MedianMs!.Value, 4, 4.2);
        Assert.Equal(95, report.Connected);
    }

    [Fact]
    public void Between_EarlierCountsSubtracted_OnlyTheSpanCounts()
    {
        var time = new FakeTimeProvider();
        var stats = new LoadStats();
        for (var i = 0; i < 500; i++) stats.Accepted(TimeSpan.FromMilliseconds(1));
        var from = stats.Take(time.GetTimestamp());
        stats.Accepted(TimeSpan.FromMilliseconds(1));
        time.Advance(TimeSpan.FromSeconds(1));

        var report = RateReport.Between(from, stats.Take(time.GetTimestamp()), 1, time);

        Assert.Equal(1, report.Accepted);
    }

    [Fact]
    public void Format_WithRefusalsAndFailures_NamesThem()
    {
        var (report, _) = TenSecondsOf(1000, refused: 3, failed: 2);

        var line = report.Format("last");

        Assert.StartsWith("last (10 s): 95/100 connected, 1,000 accepted (100.0/s), PUBACK p50 4.", line);
        Assert.Contains("3 refused", line);
        Assert.Contains("2 without PUBACK", line);
    }

    [Fact]
    public void Format_NothingAccepted_DashForLatency()
    {
        var (report, _) = TenSecondsOf(0);

        Assert.Contains("PUBACK p50 - p99 -", report.Format("ramp-up"));
    }

    [Fact]
    public void FormatResult_Always_KeyValuePairsScriptsCanAddUp()
    {
        var (report, _) = TenSecondsOf(1000);

        var fields = report.FormatResult(peakConnected: 99).Split(' ').Skip(1).Select(f => f.Split('=')).ToDictionary(p => p[0], p => p[1]);

        Assert.StartsWith("RESULT ", report.FormatResult(99));
        Assert.Equal("100", fields["watches"]);
        Assert.Equal("95", fields["connected"]);
        Assert.Equal("99", fields["peak_connected"]);
        Assert.Equal("1000", fields["accepted"]);
        Assert.Equal("100", fields["rate"]);
        Assert.Equal("10", fields["seconds"]);
    }
}
