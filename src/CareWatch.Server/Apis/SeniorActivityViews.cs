using CareWatch.Detection;
using CareWatch.Monitoring;
using CareWatch.Storage;

namespace CareWatch.Server.Apis;

/// <summary>One minute of a senior (the senior page's chart of a day).</summary>
/// <param name="At">Start of the minute, UTC.</param>
/// <param name="Movement">Movement count of the watch on the wrist (the device's own scale).</param>
/// <param name="Worn">Whether a watch was on the wrist.</param>
public sealed record ActivityMinuteView(DateTime At, int Movement, bool Worn)
{
    /// <summary>Maps a stored minute.</summary>
    public static ActivityMinuteView From(StoredMinute m) =>
        new(DateTime.SpecifyKind(m.Start, DateTimeKind.Utc), m.Movement, m.Worn);
}

/// <summary>GET /api/seniors/{id}/activity: the minutes of one local day of the senior.</summary>
/// <param name="Date">The day on the senior's own clock (yyyy-MM-dd).</param>
/// <param name="TimeZone">The senior's IANA time zone, in which the day is counted.</param>
/// <param name="From">Start of that day, UTC.</param>
/// <param name="To">Its end (exclusive), UTC: 23, 24 or 25 hours after <paramref name="From"/>.</param>
/// <param name="StillCeiling">A worn minute at or below this count is still for this senior (the detector's
/// line).</param>
/// <param name="Minutes">The minutes with data, oldest first (a missing minute is no data, not stillness).</param>
public sealed record DayMinutesView(Guid SeniorId, string Date, string TimeZone, DateTime From, DateTime To,
    double StillCeiling, IReadOnlyList<ActivityMinuteView> Minutes);

/// <summary>One day of the senior's last days.</summary>
/// <param name="Date">yyyy-MM-dd on the senior's clock.</param>
/// <param name="WornMinutes">Minutes the watch was worn.</param>
/// <param name="ActiveMinutes">Worn minutes with movement above the still ceiling.</param>
/// <param name="LongestStillMinutes">The longest still period that began that day (a night counts for its
/// evening).</param>
public sealed record DayActivityView(string Date, int WornMinutes, int ActiveMinutes, int LongestStillMinutes)
{
    /// <summary>Maps a day summary.</summary>
    public static DayActivityView From(DailyActivity d) =>
        new(SeniorDays.Format(d.Date), d.WornMinutes,
            d.ActiveMinutes, d.LongestStillMinutes);
}

/// <summary>GET /api/seniors/{id}/activity/days: the senior's last days, oldest first, today last.</summary>
public sealed record ActivityDaysView(Guid SeniorId, string TimeZone, double StillCeiling,
    IReadOnlyList<DayActivityView> Days);

/// <summary>
/// GET /api/seniors/{id}/normal-stillness: the current still period against what the detector in service considers
/// normal for this senior now (<see cref="StillnessNorm"/>).
/// </summary>
/// <param name="Rule">What sets the limit of a period starting now: fixed-rule, model or safety-floor.</param>
/// <param name="TypicalMinutes">Their usual long rest starting around this hour (90th percentile; model only).</param>
/// <param name="LongestNormalMinutes">Their longest still period starting around this hour (model only).</param>
/// <param name="AlertAfterMinutes">A still period starting now is alerted after this many minutes.</param>
/// <param name="StillSince">Start of the current still period (UTC); null while not still.</param>
/// <param name="StillForMinutes">How long it has lasted, up to the end of the newest minute.</param>
/// <param name="CurrentRule">What sets the current period's limit.</param>
/// <param name="CurrentLimitMinutes">The current period is alerted at this stillness.</param>
/// <param name="LastMinute">The newest minute the monitor has (UTC).</param>
/// <param name="ModelVersion">The learned model in service; null: the fixed rule.</param>
public sealed record NormalStillnessView(Guid SeniorId, string Rule, double StillCeiling, int? TypicalMinutes,
    int? LongestNormalMinutes, int AlertAfterMinutes, DateTime? StillSince, int? StillForMinutes, string? CurrentRule,
    int? CurrentLimitMinutes, DateTime? LastMinute, int? ModelVersion)
{
    /// <summary>Maps the monitor's answer.</summary>
    public static NormalStillnessView From(Guid seniorId, StillnessNow s)
    {
        var stillFor = s.StillSince is { } since && s.LastMinute is { } last
            ? (int?)Math.Max(0, (int)Math.Round((last.AddMinutes(1) - since).TotalMinutes)) : null;
        return new(seniorId, s.Norm.Rule, s.Norm.StillCeiling, s.Norm.TypicalMinutes, s.Norm.LongestNormalMinutes,
            s.Norm.AlertAfterMinutes, Utc(s.StillSince), stillFor, s.CurrentRule, s.CurrentLimitMinutes,
            Utc(s.LastMinute), s.ModelVersion);
    }

    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
