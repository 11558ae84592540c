using CareWatch.FirmwareSim.Bench;

namespace CareWatch.FirmwareSim.Tests.Bench;

public sealed class AlertBenchResultTests
{
    [Fact]
    public void From_TwoAlertsAtThreeBoards_PercentilesOverEveryPush()
    {
        double[] sorted = [10, 11, 12, 13, 14, 500];

        var result = AlertBenchResult.From(2, 3, sorted, TimeSpan.FromSeconds(4), pushes: 18);

        Assert.Equal(6, result.Received);
        Assert.Equal(12, result.P50Ms);
        Assert.Equal(500, result.P99Ms);
        Assert.Equal("RESULT sent=2 boards=3 received=6 p50_ms=12.0 p99_ms=500.0 max_ms=500.0 seconds=4.0 pushes=18",
            result.Format());
    }

    [Fact]
    public void From_NothingReceived_NoPercentiles()
    {
        var result = AlertBenchResult.From(5, 1, [], TimeSpan.FromSeconds(1));

        Assert.Equal(0, result.Received);
        Assert.Null(result.P99Ms);
    }
}
