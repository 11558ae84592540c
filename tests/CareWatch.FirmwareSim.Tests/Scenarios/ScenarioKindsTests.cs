using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Tests.Scenarios;

public sealed class ScenarioKindsTests
{
    private static readonly DateTime At = new(2025, 3, 10, 11, 0, 30, DateTimeKind.Utc);
    private static readonly DateTime Minute = new(2025, 3, 10, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void WithFall_FallMinute_ImpactAndFallEventThenStillness()
    {
        var routine = new DailyRoutine(21);
        var scenario = Scenario.Normal.WithFall(At);

        var impact = scenario.Minute(routine, Minute);
        var after = scenario.Minutes(routine, Minute.AddMinutes(1), Minute.AddHours(3));

        Assert.True(impact.Movement > 500 && impact.Worn);
        Assert.Equal([new DeviceEvent(At, DeviceEventKind.Fall)], scenario.EventsBetween(Minute, Minute.AddMinutes(1)));
        Assert.Equal(scenario.Minutes(routine, Minute.AddMinutes(1), Minute.AddHours(3)), Scenario.StillFrom(Minute.AddMinutes(1)).Minutes(routine, Minute.AddMinutes(1), Minute.AddHours(3)));
        Assert.All(after, m => { Assert.True(m.Worn); Assert.Equal(0, m.Steps); });
    }

    [Fact]
    public void WithFall_BeforeTheFall_RoutineUnchanged()
    {
        var routine = new DailyRoutine(21);

        Assert.Equal(routine.Minute(Minute.AddMinutes(-1)), Scenario.Normal.WithFall(At).Minute(routine, Minute.AddMinutes(-1)));
    }

    [Fact]
    public void WithDecline_OverAWeek_ActivityShrinksDayByDayToTheFloor()
    {
        var routine = new DailyRoutine(5);
        var scenario = Scenario.Normal.WithDecline(Minute, TimeSpan.FromDays(7));
        double Total(Scenario s, int day) => s.Minutes(routine, Minute.AddDays(day), Minute.AddDays(day + 1)).Sum(m => m.Movement);

        var ratios = new[] { 0, 3, 7, 9 }.Select(day => Total(scenario, day) / Total(Scenario.Normal, day)).ToList();

        Assert.InRange(ratios[0], 0.85, 1.0);
        Assert.True(ratios[1] < ratios[0] && ratios[2] < ratios[1], "declines day by day");
        Assert.InRange(ratios[3], ScenarioPhase.DeclineFloor - 0.02, ScenarioPhase.DeclineFloor + 0.02);
    }

    [Fact]
    public void WithDeath_BatteryDrainsToZeroThenDead()
    {
        var routine = new DailyRoutine(21);
        var scenario = Scenario.Normal.WithDeath(At);

        var levels = new[] { -180, -90, -30, -1 }.Select(m => scenario.BatteryAt(routine, At.AddMinutes(m)).Level).ToList();

        Assert.Equal(routine.BatteryAt(At.AddMinutes(-180)), scenario.BatteryAt(routine, At.AddMinutes(-180)));
        Assert.True(levels.Skip(1).Zip(levels.Skip(2)).All(p => p.Second <= p.First), "draining");
        Assert.True(levels[^1] <= 1);
        Assert.Equal(new BatteryState(0, false), scenario.BatteryAt(routine, At));
        Assert.False(scenario.IsDeadAt(At.AddTicks(-1)));
        Assert.True(scenario.IsDeadAt(At));
    }

    [Fact]
    public void WithEvent_SosAndOk_ReportedInTheirMinute()
    {
        var scenario = Scenario.Normal.WithEvent(At, DeviceEventKind.Sos).WithEvent(At.AddMinutes(2), DeviceEventKind.Ok);

        Assert.Equal([DeviceEventKind.Sos, DeviceEventKind.Ok], scenario.EventsBetween(Minute, Minute.AddMinutes(5)).Select(e => e.Kind));
        Assert.Empty(scenario.EventsBetween(Minute.AddMinutes(5), Minute.AddMinutes(10)));
    }

    [Fact]
    public void WithMethods_Chained_KeepEarlierScript()
    {
        var scenario = Scenario.Normal.WithDeath(At.AddDays(1)).WithFall(At).WithEvent(At, DeviceEventKind.Sos);

        Assert.Equal(At.AddDays(1), scenario.DiesAtUtc);
        Assert.Equal(2, scenario.Events.Count);
    }
}
