using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Tests.Scenarios;

public sealed class ScenarioTests
{
    private static readonly DateTime Onset = new(2025, 3, 10, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Minutes_StillFromOnset_WornMotionlessWithSensorNoise()
    {
        var routine = new DailyRoutine(21);

        var still = Scenario.StillFrom(Onset).Minutes(routine, Onset, Onset.AddHours(4));

        Assert.All(still, m => { Assert.True(m.Worn); Assert.Equal(0, m.Steps); Assert.InRange(m.Movement, 0, 1); });
        Assert.True(still.Count(m => m.Movement == 0) >= still.Count * 3 / 4, "mostly zero");
        Assert.Contains(still, m => m.Movement == 1); // sensor noise: not a flat line
    }

    [Fact]
    public void Minutes_StillScenario_BeforeOnsetFollowsRoutine()
    {
        var routine = new DailyRoutine(21);

        var before = Scenario.StillFrom(Onset).Minutes(routine, Onset.AddHours(-2), Onset);

        Assert.Equal(Scenario.Normal.Minutes(routine, Onset.AddHours(-2), Onset), before);
    }

    [Fact]
    public void Minutes_StillWithEnd_ResumesRoutineAfterwards()
    {
        var routine = new DailyRoutine(21);
        var scenario = Scenario.StillFrom(Onset, Onset.AddMinutes(30));

        Assert.Equal(routine.Minute(Onset.AddMinutes(30)), scenario.Minute(routine, Onset.AddMinutes(30)));
    }

    [Fact]
    public void Minute_OffWristPhase_NotWornAndZero()
    {
        var minute = Scenario.Normal.WithOffWrist(Onset).Minute(new DailyRoutine(2), Onset.AddMinutes(5));

        Assert.Equal(new MinuteSummary(Onset.AddMinutes(5), 0, 0, false), minute);
    }

    [Fact]
    public void EventsBetween_ScriptedPresses_OnlyThoseInRange()
    {
        var scenario = Scenario.Normal.WithEvent(Onset, DeviceEventKind.Sos).WithEvent(Onset.AddMinutes(10), DeviceEventKind.Ok);

        var events = scenario.EventsBetween(Onset.AddMinutes(-5), Onset.AddMinutes(5));

        Assert.Equal(DeviceEventKind.Sos, Assert.Single(events).Kind);
    }
}
