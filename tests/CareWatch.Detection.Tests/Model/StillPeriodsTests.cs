using CareWatch.Detection.Model;

namespace CareWatch.Detection.Tests.Model;

public sealed class StillPeriodsTests
{
    private static readonly StillDefinition Still = new(0, 100, 10);
    private static readonly DateTime T0 = SyntheticPeople.Start;

    private static ActivityMinute M(int minute, int count, bool worn = true) => new(T0.AddMinutes(minute), T0.AddMinutes(minute), count, worn);

    [Fact]
    public void Extract_StillThenMovement_IsOneCompletePeriod()
    {
        var minutes = Enumerable.Range(0, 20).Select(i => M(i, 0)).Append(M(20, 300)).ToList();

        var periods = StillPeriods.Extract(minutes, Still, minimumMinutes: 10);

        Assert.Equal([new StillPeriod(T0, 20, Censored: false)], periods);
    }

    [Fact]
    public void Extract_WatchTakenOffOrDataEnds_PeriodIsCensored()
    {
        var minutes = Enumerable.Range(0, 15).Select(i => M(i, 0)).Append(M(15, 0, worn: false))
            .Concat(Enumerable.Range(16, 12).Select(i => M(i, 0))).ToList();

        var periods = StillPeriods.Extract(minutes, Still, minimumMinutes: 10);

        Assert.Equal([new StillPeriod(T0, 15, true), new StillPeriod(T0.AddMinutes(16), 12, true)], periods);
    }

    [Fact]
    public void Extract_LongGap_SplitsThePeriod()
    {
        var minutes = Enumerable.Range(0, 12).Select(i => M(i, 0)).Concat(Enumerable.Range(60, 12).Select(i => M(i, 0))).ToList();

        var periods = StillPeriods.Extract(minutes, Still, minimumMinutes: 10);

        Assert.Equal(2, periods.Count);
        Assert.True(periods[0].Censored);
    }
}
