using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Tests.Routine;

public sealed class DailyRoutineTests
{
    private static readonly DateTime Monday = new(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<DateTime> Week() => Enumerable.Range(0, 7 * 1440).Select(i => Monday.AddMinutes(i));

    private static DailyRoutine FirstWhere(Func<PersonProfile, bool> predicate) =>
        Enumerable.Range(1, 200).Select(s => new DailyRoutine(s)).First(r => predicate(r.Profile));

    [Fact]
    public void Minute_SameSeed_SameReadings()
    {
        var a = new DailyRoutine(7);
        var b = new DailyRoutine(7);

        Assert.Equal(Week().Select(a.Minute), Week().Select(b.Minute));
    }

    [Fact]
    public void IsUp_AroundWakeAndBed_UpFromWakeUntilBed()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var routine = new DailyRoutine(5, zone);
        var plan = routine.PlanFor(new DateOnly(2025, 3, 11));
        DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(local, zone);

        Assert.False(routine.IsUp(Utc(plan.Wake.AddMinutes(-1))));
        Assert.True(routine.IsUp(Utc(plan.Wake)));
        Assert.True(routine.IsUp(Utc(plan.Bed.AddMinutes(-1))));
        Assert.False(routine.IsUp(Utc(plan.Bed)));
        Assert.Equal(plan.Wake, routine.ToLocal(Utc(plan.Wake)));
    }

    [Fact]
    public void Minute_DifferentSeed_DifferentReadings()
    {
        Assert.NotEqual(Week().Select(new DailyRoutine(7).Minute), Week().Select(new DailyRoutine(8).Minute));
    }

    [Fact]
    public void Minute_QueriedInReverseOrder_SameReadings()
    {
        var forward = Week().Select(new DailyRoutine(3).Minute).ToList();
        var reverse = new DailyRoutine(3);

        var backward = Week().Reverse().Select(reverse.Minute).Reverse().ToList();

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Minute_OverAWeek_MuchMoreMovementByDayThanAtNight()
    {
        var routine = FirstWhere(p => !p.ChargesAtNight);
        var minutes = Week().Select(routine.Minute).ToList();

        var day = minutes.Where(m => m.Start.Hour is >= 10 and < 18).Average(m => m.Movement);
        var night = minutes.Where(m => m.Start.Hour is >= 1 and < 5).Average(m => m.Movement);

        Assert.True(day > 5 * night, $"day mean {day:0.0}, night mean {night:0.0}");
    }

    [Fact]
    public void Minute_AsleepWindow_MostlyLowValuesButNotFlat()
    {
        var routine = FirstWhere(p => !p.ChargesAtNight);
        var plan = routine.PlanFor(DateOnly.FromDateTime(Monday));
        var asleep = Enumerable.Range(0, (int)(plan.NextWake - plan.Bed).TotalMinutes)
            .Select(i => routine.Minute(plan.Bed.AddMinutes(i)))
            .ToList();

        Assert.True(asleep.Count(m => m.Movement < 20) > 0.85 * asleep.Count);
        Assert.Contains(asleep, m => m.Movement > 0);
        Assert.All(asleep, m => Assert.True(m.Worn));
    }

    [Fact]
    public void Minute_NightCharger_NotWornAtNightButWornByDay()
    {
        var routine = FirstWhere(p => p.ChargesAtNight);

        Assert.False(routine.Minute(Monday.AddHours(3)).Worn);
        Assert.True(routine.BatteryAt(Monday.AddHours(3)).Charging);
        Assert.True(routine.Minute(Monday.AddHours(11)).Worn);
    }

    [Fact]
    public void Minute_OverAWeek_WithinProtocolLimits()
    {
        var routine = new DailyRoutine(11);

        Assert.All(Week().Select(routine.Minute), m =>
        {
            Assert.InRange(m.Movement, 0, TelemetryLimits.MaxMovement);
            Assert.InRange(m.Steps, 0, TelemetryLimits.MaxStepsPerMinute);
        });
    }

    [Fact]
    public void BatteryAt_OverAWeek_Between0And100()
    {
        var routine = new DailyRoutine(5);

        Assert.All(Week().Where(t => t.Minute == 0).Select(routine.BatteryAt), b => Assert.InRange(b.Level, 0, 100));
    }

    [Fact]
    public void PlanFor_AnyDay_SegmentsContiguousFromWakeToNextWake()
    {
        var routine = new DailyRoutine(9);

        for (var d = 0; d < 14; d++)
        {
            var plan = routine.PlanFor(DateOnly.FromDateTime(Monday).AddDays(d));
            Assert.Equal(plan.Wake, plan.Segments[0].Start);
            Assert.Equal(plan.NextWake, plan.Segments[^1].End);
            Assert.True(plan.Segments.Zip(plan.Segments.Skip(1)).All(p => p.First.End == p.Second.Start));
            Assert.Contains(plan.Segments, s => s.Kind == ActivityKind.Meal);
        }
    }

    [Fact]
    public void PlanFor_ConsecutiveDays_WakeTimesVary()
    {
        var routine = new DailyRoutine(4);

        var wakes = Enumerable.Range(0, 7).Select(d => routine.PlanFor(DateOnly.FromDateTime(Monday).AddDays(d)).Wake.TimeOfDay).ToList();

        Assert.True(wakes.Distinct().Count() > 3);
    }
}
