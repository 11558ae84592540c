using CareWatch.FirmwareSim.CheckIn;

namespace CareWatch.FirmwareSim.Tests.CheckIn;

public sealed class CheckInAnswersTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [Fact]
    public void DelayFor_Collapsed_NeverAnswers()
    {
        var answers = new CheckInAnswers(42, 0, CheckInRole.Collapsed, OkProbability: 1, Delay);

        Assert.All(Enumerable.Range(1, 200), id => Assert.Null(answers.DelayFor(id, 1)));
    }

    [Fact]
    public void DelayFor_Dozing_AlwaysAnswersAfterTheDelay()
    {
        var answers = new CheckInAnswers(42, 1, CheckInRole.Dozing, OkProbability: 0, Delay);

        Assert.All(Enumerable.Range(1, 200), id => Assert.Equal(Delay, answers.DelayFor(id, 1)));
    }

    [Fact]
    public void DelayFor_Healthy_AnswersWithTheGivenShare()
    {
        var answers = new CheckInAnswers(42, 2, CheckInRole.Healthy, OkProbability: 0.9, Delay);

        var answered = Enumerable.Range(1, 2000).Count(id => answers.DelayFor(id, 1) == Delay);

        Assert.InRange(answered, 1750, 1850);
    }

    [Fact]
    public void DelayFor_SameSeed_SameAnswersInAnyOrder()
    {
        var a = new CheckInAnswers(7, 3, CheckInRole.Healthy, 0.5, Delay);
        var b = new CheckInAnswers(7, 3, CheckInRole.Healthy, 0.5, Delay);
        var ids = Enumerable.Range(1, 100).ToList();

        var forward = ids.Select(id => a.DelayFor(id, 1)).ToList();
        var backward = ids.AsEnumerable().Reverse().Select(id => b.DelayFor(id, 1)).Reverse().ToList();

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void DelayFor_OtherSeedOrWatch_OtherAnswers()
    {
        var ids = Enumerable.Range(1, 100).ToList();
        List<TimeSpan?> Draws(int seed, int watch) =>
            ids.Select(id => new CheckInAnswers(seed, watch, CheckInRole.Healthy, 0.5, Delay).DelayFor(id, 1)).ToList();

        Assert.NotEqual(Draws(7, 3), Draws(8, 3));
        Assert.NotEqual(Draws(7, 3), Draws(7, 4));
    }

    [Theory]
    [InlineData(0, CheckInRole.Collapsed)]
    [InlineData(1, CheckInRole.Dozing)]
    [InlineData(2, CheckInRole.Dozing)]
    [InlineData(3, CheckInRole.Healthy)]
    public void RoleOf_OneStillTwoDozing_CollapsedThenDozingThenHealthy(int index, CheckInRole expected) =>
        Assert.Equal(expected, CheckInAnswers.RoleOf(index, stillWatches: 1, dozingWatches: 2));
}
