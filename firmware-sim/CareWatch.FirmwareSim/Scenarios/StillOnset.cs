using System.Globalization;
using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Scenarios;

/// <summary>
/// When a still senior (<c>run --still-watches</c>) went still. An onset a run with <c>--identities</c> stored
/// is kept, so a rerun continues her stillness instead of inventing movement before a new one; otherwise
/// <c>--still-onset-minutes-ago</c> sets it; without that it is chosen so that her stillness is abnormal at
/// whatever hour the run starts: it began while she was up, in the day band, and has lasted beyond every limit
/// that applies now — by day beyond the fixed rule's 2 h and the learned model's 4 h floor, at night well beyond
/// the 10 h that both allow a night. A start at 03:00 thus finds her still since the afternoon before, not in bed.
/// </summary>
public static class StillOnset
{
    /// <summary>First hour of the day band on her clock, the server's default (Monitoring:DayStartHour).</summary>
    public const int DayStartHour = 8;

    /// <summary>Hour the day band ends (exclusive): the server's default (Monitoring:DayEndHour).</summary>
    public const int DayEndHour = 22;

    /// <summary>Her stillness when a run starts by day: beyond the 4 h day floor, with an hour to spare.</summary>
    public static readonly TimeSpan ByDay = TimeSpan.FromHours(5);

    /// <summary>Her stillness when a run starts at night: two hours beyond the 10 h night limit.</summary>
    public static readonly TimeSpan AtNight = TimeSpan.FromHours(12);

    /// <summary>A stored onset is kept while the server accepts minutes that old (a week).</summary>
    public static TimeSpan KeptFor => TelemetryLimits.MaxAge;

    /// <summary>A still senior's onset for a run starting at <paramref name="startUtc"/>; How says why (log).</summary>
    /// <param name="stored">The onset an earlier run stored for her, if any.</param>
    /// <param name="minutesAgo">The <c>--still-onset-minutes-ago</c> value, if given.</param>
    /// <param name="routine">Her routine (her clock and waking hours).</param>
    /// <param name="startUtc">Start of the run.</param>
    public static (DateTime OnsetUtc, string How) Decide(DateTime? stored, int? minutesAgo, DailyRoutine routine,
        DateTime startUtc)
    {
        if (stored is { } kept && kept <= startUtc && startUtc - kept <= KeptFor)
            return (kept, "kept from an earlier run");
        if (minutesAgo is { } m) return (startUtc.AddMinutes(-m), $"--still-onset-minutes-ago {m}");
        var chosen = Abnormal(routine, startUtc);
        var hours = (startUtc - chosen).TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        return (chosen, $"chosen: she was up then, and {hours} h is beyond every limit at this hour");
    }

    /// <summary>
    /// The latest whole minute at least <see cref="ByDay"/> (run starting by day) or <see cref="AtNight"/> (at
    /// night) before <paramref name="startUtc"/> at which she was up and her clock was in the day band.
    /// </summary>
    public static DateTime Abnormal(DailyRoutine routine, DateTime startUtc)
    {
        var required = IsDay(routine.ToLocal(startUtc)) ? ByDay : AtNight;
        var latest = MinuteCursor.FloorToMinute(startUtc - required);
        // Minute by minute: at most a night and a morning to step back over (a day plan always has waking hours).
        for (var t = latest; t > latest.AddDays(-2); t = t.AddMinutes(-1))
            if (IsDay(routine.ToLocal(t)) && routine.IsUp(t)) return t;
        return latest;
    }

    private static bool IsDay(DateTime local) => local.Hour is >= DayStartHour and < DayEndHour;
}
