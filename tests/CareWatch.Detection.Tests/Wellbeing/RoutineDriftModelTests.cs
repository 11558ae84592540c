using CareWatch.Detection.Wellbeing;

namespace CareWatch.Detection.Tests.Wellbeing;

public sealed class RoutineDriftModelTests
{
    private static (List<DailyProfile> Usual, List<DailyProfile> Recent) Split(IReadOnlyList<ActivityMinute> minutes)
    {
        var still = StillDefinition.Learn(minutes.Take(14 * 1440), StillDefinition.Default);
        var days = DailyProfile.FromHistory(minutes, still);
        return (days.Take(days.Count - 4).ToList(), days.TakeLast(4).ToList());
    }

    [Fact]
    public void Assess_LastDaysMuchQuieter_ReportsDriftWithLessActivity()
    {
        var person = SyntheticPeople.Person("a", days: 24, seed: 3);
        var quietFrom = SyntheticPeople.Start.AddDays(20);
        var minutes = person.Minutes.Select(m => m.Utc < quietFrom ? m : m with { Activity = m.Activity / 4 }).ToList();
        var (usual, recent) = Split(minutes);

        var assessment = RoutineDriftModel.Train(usual)!.Assess(recent);

        Assert.True(assessment.Drifted, $"unusual days: {assessment.UnusualDays}");
        Assert.StartsWith("Much less activity than usual", assessment.Changes[0]);
    }

    [Fact]
    public void Assess_OrdinaryDays_NoDrift()
    {
        var (usual, recent) = Split(SyntheticPeople.Person("b", days: 24, seed: 4).Minutes);

        var assessment = RoutineDriftModel.Train(usual)!.Assess(recent);

        Assert.False(assessment.Drifted, $"unusual days: {assessment.UnusualDays}");
    }

    [Fact]
    public void Train_TooFewDays_ReturnsNull()
    {
        var (usual, _) = Split(SyntheticPeople.Person("c", days: 8, seed: 5).Minutes);

        Assert.Null(RoutineDriftModel.Train(usual));
    }
}
