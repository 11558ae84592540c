namespace CareWatch.Detection;

/// <summary>One local day of a person's minutes, summed up for a caregiver's chart.</summary>
/// <param name="Date">The day on the person's own wall clock.</param>
/// <param name="WornMinutes">Minutes with the watch on the wrist (how much the day says at all).</param>
/// <param name="ActiveMinutes">Worn minutes above the person's still ceiling.</param>
/// <param name="LongestStillMinutes">
/// The longest still period that began that day, whole (a night's sleep counts for the evening it began in, as
/// the detector judges a period by its start); 0 when none.
/// </param>
public sealed record DailyActivity(DateOnly Date, int WornMinutes, int ActiveMinutes, int LongestStillMinutes)
{
    /// <summary>
    /// One summary per local day from <paramref name="first"/> for <paramref name="days"/> days (days without data
    /// included, as zeros, so a chart shows the hole). Stillness follows <see cref="StillPeriodTracker"/>: a
    /// moving or unworn minute, or a gap longer than its limit, ends a period, exactly as for the detector.
    /// </summary>
    /// <param name="minutes">Minutes in increasing UTC order; they may start before <paramref name="first"/> so
    /// that a period running into the first day is measured from its true start.</param>
    public static IReadOnlyList<DailyActivity> Summarise(IEnumerable<ActivityMinute> minutes, StillDefinition still,
        DateOnly first, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var worn = new int[days];
        var active = new int[days];
        var longest = new int[days];
        var tracker = new StillPeriodTracker(still);
        foreach (var m in minutes)
        {
            if (!tracker.Observe(m)) continue;
            var day = Index(DateOnly.FromDateTime(m.Local), first, days);
            if (day is { } d && m.Worn)
            {
                worn[d]++;
                if (!still.IsStill(m)) active[d]++;
            }
            if (tracker.StillSinceLocal is { } since && Index(DateOnly.FromDateTime(since), first, days) is { } start)
                longest[start] = Math.Max(longest[start], (int)Math.Round(tracker.StillFor.TotalMinutes));
        }
        return Enumerable.Range(0, days)
            .Select(i => new DailyActivity(first.AddDays(i), worn[i], active[i], longest[i])).ToList();
    }

    private static int? Index(DateOnly date, DateOnly first, int days)
    {
        var i = date.DayNumber - first.DayNumber;
        return i >= 0 && i < days ? i : null;
    }
}
