using System.Collections.Concurrent;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// A seeded generative model of one senior's days. Any minute can be asked for in any order and the
/// answer depends only on (seed, time zone, minute): day plans come from (seed, date) and the noise of
/// each minute from (seed, minute).
/// </summary>
public sealed class DailyRoutine
{
    private const double DrainPerMinute = 3.0 / 60; // about 3 % an hour: a day and a half per charge
    private readonly ConcurrentDictionary<DateOnly, DayPlan> _plans = new();

    /// <summary>Creates the routine of the senior identified by <paramref name="seed"/>.</summary>
    /// <param name="seed">Determines the person and every day of theirs.</param>
    /// <param name="timeZone">The senior's local time zone (default UTC).</param>
    public DailyRoutine(int seed, TimeZoneInfo? timeZone = null)
    {
        Seed = seed;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        Profile = PersonProfile.FromSeed(seed);
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The senior's local time zone; days are planned in local time.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The senior's habits.</summary>
    public PersonProfile Profile { get; }

    /// <summary>The reading of the minute starting at <paramref name="minuteStartUtc"/> (UTC, whole minute).</summary>
    public MinuteSummary Minute(DateTime minuteStartUtc)
    {
        var r = MinuteRandom(minuteStartUtc, purpose: 1);
        return MovementModel.Sample(Profile, ActivityAt(minuteStartUtc), minuteStartUtc, ref r);
    }

    /// <summary>What this person's wrist shows lying motionless (collapsed), worn: 0, now and then 1.</summary>
    public MinuteSummary RestingMinute(DateTime minuteStartUtc)
    {
        var r = MinuteRandom(minuteStartUtc, purpose: 2);
        return new MinuteSummary(minuteStartUtc, MovementModel.LyingStill(Profile, ref r), 0, Worn: true);
    }

    /// <summary>What the senior is doing at a UTC instant.</summary>
    public ActivityKind ActivityAt(DateTime utc)
    {
        var local = ToLocal(utc);
        return PlanCovering(local).ActivityAt(local);
    }

    /// <summary>Whether the senior is up at a UTC instant: after that day's wake-up, before its bed time.</summary>
    public bool IsUp(DateTime utc)
    {
        var local = ToLocal(utc);
        var plan = PlanCovering(local);
        return local >= plan.Wake && local < plan.Bed;
    }

    /// <summary>The instant <paramref name="utc"/> on the senior's wall clock.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>The plan of the routine day that starts with the wake-up on <paramref name="localDate"/>.</summary>
    public DayPlan PlanFor(DateOnly localDate)
    {
        if (_plans.Count > 16) _plans.Clear(); // a runner only ever looks at a few days around "now"
        return _plans.GetOrAdd(localDate, d => DayPlan.Create(Profile, Seed, d));
    }

    /// <summary>The battery at a UTC instant: charging while on the charger, draining since the last charge.</summary>
    public BatteryState BatteryAt(DateTime utc)
    {
        var local = ToLocal(utc);
        var day = DateOnly.FromDateTime(local);
        ActivitySegment? last = null;
        for (var d = day.AddDays(-2); d <= day; d = d.AddDays(1))
            foreach (var s in PlanFor(d).Segments)
                if (s.Kind == ActivityKind.Charging && s.Start <= local) last = s;
        if (last is not { } charge) return new BatteryState(80, false);
        if (charge.Contains(local))
            return new BatteryState((int)Math.Min(100, 30 + (local - charge.Start).TotalMinutes * 1.5), true);
        var drained = (local - charge.End).TotalMinutes * DrainPerMinute;
        return new BatteryState((int)Math.Clamp(100 - drained, 5, 100), false);
    }

    private DayPlan PlanCovering(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var plan = PlanFor(date);
        return local >= plan.Wake ? plan : PlanFor(date.AddDays(-1));
    }

    private SeededRandom MinuteRandom(DateTime utc, int purpose) =>
        new(Seed, utc.Ticks / TimeSpan.TicksPerMinute, purpose);
}
