using CareWatch.FirmwareSim.CheckIn;

namespace CareWatch.FirmwareSim.Tests.CheckIn;

public sealed class CheckInAnswersTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);
    private static readonly DateTime Noon = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ThreeAm = new(2026, 3, 4, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DelayFor_Collapsed_NeverAnswers()
    {
        var answers = new CheckInAnswers(42, 0, CheckInRole.Collapsed, OkProbability: 1, Delay);

        Assert.All(Enumerable.Range(1, 200), id => Assert.Null(answers.DelayFor(id, 1, Noon)));
    }

    [Fact]
    public void DelayFor_Dozing_AlwaysAnswersAfterTheDelay()
    {
        var answers = new CheckInAnswers(42, 1, CheckInRole.Dozing, OkProbability: 0, Delay);

        Assert.All(Enumerable.Range(1, 200), id => Assert.Equal(Delay, answers.DelayFor(id, 1, Noon)));
    }

    [Fact]
    public void DelayFor_Healthy_AnswersWithTheGivenShare()
    {
        var answers = new CheckInAnswers(42, 2, CheckInRole.Healthy, OkProbability: 0.9, Delay);

        var answered = Enumerable.Range(1, 2000).Count(id => answers.DelayFor(id, 1, Noon) == Delay);

        Assert.InRange(answered, 1750, 1850);
    }

    [Fact]
    public void DelayFor_SameSeed_SameAnswersInAnyOrder()
    {
        var a = new CheckInAnswers(7, 3, CheckInRole.Healthy, 0.5, Delay);
        var b = new CheckInAnswers(7, 3, CheckInRole.Healthy, 0.5, Delay);
        var ids = Enumerable.Range(1, 100).ToList();

        var forward = ids.Select(id => a.DelayFor(id, 1, Noon)).ToList();
        var backward = ids.AsEnumerable().Reverse().Select(id => b.DelayFor(id, 1, Noon)).Reverse().ToList();

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void DelayFor_OtherSeedOrWatch_OtherAnswers()
    {
        var ids = Enumerable.Range(1, 100).ToList();
        List<TimeSpan?> Draws(int seed, int watch) =>
            ids.Select(id => new CheckInAnswers(seed, watch, CheckInRole.Healthy, 0.5, Delay).DelayFor(id, 1, Noon)).ToList();

        Assert.NotEqual(Draws(7, 3), Draws(8, 3));
        Assert.NotEqual(Draws(7, 3), Draws(7, 4));
    }

    [Fact]
    public void DelayFor_Healthy_AnswersLikeTheEvaluationsModelByDayAndAtNight()
    {
        var answers = new CheckInAnswers(42, 2, CheckInRole.Healthy, CheckInAnswers.DefaultOkProbability, Delay);
        double Share(int prompt, DateTime at) => Enumerable.Range(1, 4000).Count(id => answers.DelayFor(id, prompt, at) == Delay) / 4000.0;

        Assert.InRange(Share(1, Noon), 0.88, 0.92);    // 0.9 by day
        Assert.InRange(Share(1, ThreeAm), 0.67, 0.73); // 0.7 at night
        Assert.InRange(Share(2, Noon), 0.57, 0.63);    // second prompt 0.6 by day
        Assert.InRange(Share(2, ThreeAm), 0.37, 0.43); // and 0.4 at night
    }

    [Fact]
    public void DelayFor_NightIsReadOnTheSeniorsClock()
    {
        // 20:00 UTC is 04:00 in Shanghai: her night, so fewer answers than at 20:00 on a UTC clock (day).
        var utc = new CheckInAnswers(42, 2, CheckInRole.Healthy, 0.9, Delay);
        var shanghai = utc with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") };
        var at = new DateTime(2026, 3, 4, 20, 0, 0, DateTimeKind.Utc);

        Assert.True(Enumerable.Range(1, 2000).Count(id => shanghai.DelayFor(id, 1, at) == Delay)
            < Enumerable.Range(1, 2000).Count(id => utc.DelayFor(id, 1, at) == Delay) - 200);
    }

    [Theory]
    [InlineData(0, CheckInRole.Collapsed)]
    [InlineData(1, CheckInRole.Dozing)]
    [InlineData(2, CheckInRole.Dozing)]
    [InlineData(3, CheckInRole.Healthy)]
    public void RoleOf_OneStillTwoDozing_CollapsedThenDozingThenHealthy(int index, CheckInRole expected) =>
        Assert.Equal(expected, CheckInAnswers.RoleOf(index, stillWatches: 1, dozingWatches: 2));
}
