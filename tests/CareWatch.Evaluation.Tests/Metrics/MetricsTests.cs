using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Metrics;

namespace CareWatch.Evaluation.Tests.Metrics;

public class MetricsTests
{
    private static DetectorSummary Summary(string name, DetectorKind kind, double faPerMonth, double? day, double? night) =>
        new(name, kind, (int)Math.Round(faPerMonth * 10), 0, 10, new DelayStats(10, 0, day, day, day), new DelayStats(10, 0, night, night, night), 0);

    [Fact]
    public void From_MissesBeyondMedian_MedianIsNull()
    {
        var stats = DelayStats.From([TimeSpan.FromMinutes(10), null, null]);
        Assert.Equal(2, stats.Missed);
        Assert.Null(stats.MedianMinutes);
        Assert.Equal(10, stats.MaxDetectedMinutes);
    }

    [Fact]
    public void From_NearestRank_TakesTheValueAtTheRank()
    {
        var stats = DelayStats.From(Enumerable.Range(1, 10).Select(i => (TimeSpan?)TimeSpan.FromMinutes(i)));
        Assert.Equal(5, stats.MedianMinutes);
        Assert.Equal(9, stats.P90Minutes);
    }

    [Fact]
    public void At_BetweenSensitivities_InterpolatesLinearly()
    {
        var model = new[] { Summary("m1", DetectorKind.Model, 0.2, 100, 200), Summary("m2", DetectorKind.Model, 1.0, 20, 40) };
        var point = TradeoffCurve.At(model, 0.6)!.Value;
        Assert.Equal(60, point.DayMedian!.Value, 6);
        Assert.Equal(120, point.NightMedian!.Value, 6);
        Assert.Null(TradeoffCurve.At(model, 0.1));
        Assert.Equal(20, TradeoffCurve.At(model, 5)!.Value.DayMedian);
    }

    [Fact]
    public void Check_ModelFasterThanTimersAtSameRate_AllTargetsMet()
    {
        var all = new[]
        {
            Summary("timer 4 h", DetectorKind.FixedTimer, 0.5, 240, 240),
            Summary("m1", DetectorKind.Model, 0.1, 60, 150),
            Summary("m2", DetectorKind.Model, 0.5, 40, 100),
        };
        Assert.All(Targets.Check(all), t => Assert.True(t.Met));
    }

    [Fact]
    public void Check_NoModel_NothingJudged() =>
        Assert.All(Targets.Check([Summary("timer 4 h", DetectorKind.FixedTimer, 0.5, 240, 240)]), t => Assert.Null(t.Met));
}
