using CareWatch.Monitoring.CheckIn;

namespace CareWatch.Monitoring.Tests.CheckIn;

public sealed class OkPressesTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Answers_PressInTheMinute_FedOnce()
    {
        var presses = new OkPresses(TimeSpan.FromDays(1));
        presses.Add(T0.AddSeconds(30), lastJudged: T0.AddMinutes(-1));

        bool[] fed = [presses.Answers(T0.AddMinutes(-1)), presses.Answers(T0), presses.Answers(T0)];

        Assert.Equal([false, true, false], fed);
    }

    [Fact]
    public void Add_PressOlderThanTheMinuteJudgedLast_NotFedUntilAReplay()
    {
        var presses = new OkPresses(TimeSpan.FromDays(1));
        presses.Add(T0, lastJudged: T0.AddMinutes(3)); // a replayed buffer's press

        var live = presses.Answers(T0.AddMinutes(4));
        presses.Rewind(T0.AddMinutes(-10));

        Assert.Equal((false, true), (live, presses.Answers(T0)));
    }

    [Fact]
    public void Rewind_PressesBeforeTheWindow_NotFed()
    {
        var presses = new OkPresses(TimeSpan.FromDays(1));
        presses.Load([T0, T0.AddMinutes(30)]);

        presses.Rewind(T0.AddMinutes(10));

        Assert.Equal((false, true), (presses.Answers(T0.AddMinutes(10)), presses.Answers(T0.AddMinutes(30))));
    }
}
