namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// One routine day of a senior, from this morning's wake-up to the next morning's: daytime blocks
/// (meals, walk, nap, sitting and pottering), then the night (sleep with bathroom visits, or the
/// watch on its charger). Times are local wall-clock times.
/// </summary>
public sealed class DayPlan
{
    /// <summary>The local date the plan starts on.</summary>
    public DateOnly Date { get; }

    /// <summary>Wake-up on <see cref="Date"/>.</summary>
    public DateTime Wake { get; }

    /// <summary>Going to bed (may be after midnight).</summary>
    public DateTime Bed { get; }

    /// <summary>Wake-up the next morning, where the plan ends.</summary>
    public DateTime NextWake { get; }

    /// <summary>Contiguous segments covering [Wake, NextWake).</summary>
    public IReadOnlyList<ActivitySegment> Segments { get; }

    private DayPlan(DateOnly date, DateTime wake, DateTime bed, DateTime nextWake, IReadOnlyList<ActivitySegment> segments)
        => (Date, Wake, Bed, NextWake, Segments) = (date, wake, bed, nextWake, segments);

    /// <summary>The activity at a local time inside the plan (Sitting if outside, which does not happen in use).</summary>
    public ActivityKind ActivityAt(DateTime local)
    {
        foreach (var s in Segments)
            if (s.Contains(local)) return s.Kind;
        return ActivityKind.Sitting;
    }

    /// <summary>Wake-up time on a date: the profile's habit, give or take about 25 minutes.</summary>
    public static DateTime WakeOn(PersonProfile p, int seed, DateOnly date)
    {
        var r = new SeededRandom(seed, date.DayNumber, 1);
        return At(date, p.WakeMinutes + Math.Clamp(r.Normal() * 25, -60, 60));
    }

    /// <summary>Bed time on a date: the profile's habit, give or take about 30 minutes.</summary>
    public static DateTime BedOn(PersonProfile p, int seed, DateOnly date)
    {
        var r = new SeededRandom(seed, date.DayNumber, 2);
        return At(date, p.BedMinutes + Math.Clamp(r.Normal() * 30, -75, 75));
    }

    /// <summary>Builds the plan of one day; the same (profile, seed, date) always gives the same plan.</summary>
    public static DayPlan Create(PersonProfile p, int seed, DateOnly date)
    {
        var wake = WakeOn(p, seed, date);
        var bed = BedOn(p, seed, date);
        var nextWake = WakeOn(p, seed, date.AddDays(1));
        var r = new SeededRandom(seed, date.DayNumber, 3);
        var segments = new List<ActivitySegment>();
        segments.AddRange(DayTimeline.Build(p, ref r, date, wake, bed));
        segments.AddRange(NightTimeline.Build(p, ref r, bed, nextWake));
        return new DayPlan(date, wake, bed, nextWake, segments);
    }

    internal static DateTime At(DateOnly date, double minutesAfterMidnight) =>
        date.ToDateTime(TimeOnly.MinValue).AddMinutes(Math.Round(minutesAfterMidnight));
}
