using CareWatch.Detection;
using CareWatch.Evaluation.Data;

namespace CareWatch.Evaluation.Tests.Data;

public class NonWearRuleTests
{
    private static ActivityMinute[] WithStretch(int length, Func<int, int> value, int hour = 2)
    {
        var minutes = Synthetic.Person(3);
        var start = Array.FindIndex(minutes, m => m.Local.Day == 2 && m.Local.Hour == hour);
        for (var i = 0; i < length; i++) minutes[start + i] = minutes[start + i] with { Activity = value(i) };
        // Clear movement on both sides, so the stretch is exactly as long as asked.
        minutes[start - 1] = minutes[start - 1] with { Activity = 200 };
        minutes[start + length] = minutes[start + length] with { Activity = 200 };
        return minutes;
    }

    [Fact]
    public void Find_712MinutesOfFlat3_MarksExactlyThatStretch()
    {
        var minutes = WithStretch(712, _ => 3, hour: 13);
        var flat = NonWearRule.Find(minutes);
        var start = Array.FindIndex(minutes, m => m.Local.Day == 2 && m.Local.Hour == 13);
        Assert.Equal(712, flat.Count(f => f));
        Assert.All(Enumerable.Range(start, 712), i => Assert.True(flat[i]));
    }

    [Fact]
    public void Find_75MinuteFlatSleep_StaysWorn()
    {
        var flat = NonWearRule.Find(WithStretch(75, _ => 0));
        Assert.DoesNotContain(true, flat);
    }

    [Fact]
    public void Find_AlternatingTwosAndThreesForThreeHours_IsNonWear()
    {
        var flat = NonWearRule.Find(WithStretch(180, i => 2 + i % 2));
        Assert.True(flat.Count(f => f) >= 180);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(7, 9)]
    public void Find_TwoIdleLevelsForThreeHours_IsNonWearAndStopsAtMovement(int low, int high)
    {
        var flat = NonWearRule.Find(WithStretch(180, i => i % 5 == 0 ? high : low, hour: 11));

        Assert.Equal(180, flat.Count(f => f));
    }

    [Fact]
    public void Find_ThreeHoursOfSleepWithSmallTwitches_StaysWorn()
    {
        var flat = NonWearRule.Find(WithStretch(180, i => i % 7 == 0 ? 12 : i % 3 == 0 ? 2 : 0));

        Assert.DoesNotContain(true, flat);
    }

    [Fact]
    public void Apply_FlatStretch_SetsWornFalseOnlyThere()
    {
        var marked = NonWearRule.Apply(WithStretch(200, _ => 3));
        Assert.Equal(200, marked.Count(m => !m.Worn));
    }
}
