using CareWatch.Detection;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;

namespace CareWatch.FirmwareSim.Tests.Scenarios;

/// <summary>
/// A scripted still senior must be still for the server too: its learned detector ends a still period at the
/// first minute above the still ceiling it learns from her own history (<see cref="StillDefinition.Learn"/>).
/// </summary>
public sealed class StillScenarioDetectionTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Onset = new(2026, 3, 2, 9, 4, 0, DateTimeKind.Utc);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var i = 0; i < 5; i++) seeds.Add(unchecked(42 * 7919 + i)); // the demo's five seniors
        for (var s = 1; s <= 20; s++) seeds.Add(s);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StillScenario_TwelveHours_OneStillPeriodUnderHerLearnedDefinition(int seed)
    {
        var routine = new DailyRoutine(seed, Shanghai);
        var history = Enumerable.Range(1, 7 * 1440).Select(i => Observed(routine.Minute(Onset.AddMinutes(-i))));
        var definition = StillDefinition.Learn(history, StillDefinition.Default);
        var tracker = new StillPeriodTracker(definition);

        foreach (var minute in Scenario.StillFrom(Onset).Minutes(routine, Onset, Onset.AddHours(12)))
            tracker.Observe(Observed(minute));

        Assert.Equal(Onset, tracker.StillSince);
        Assert.Equal(TimeSpan.FromHours(12), tracker.StillFor);
    }

    private static ActivityMinute Observed(Protocol.MinuteSummary m) =>
        new(m.Start, TimeZoneInfo.ConvertTimeFromUtc(m.Start, Shanghai), m.Movement, m.Worn);
}
