namespace CareWatch.Detection.Wellbeing;

/// <summary>
/// One local day of a person summarised on their own scale: activity per two-hour block, daily total,
/// rising time and night restlessness. Comparable across devices because counts are divided by the
/// person's typical active level.
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="Blocks">Mean activity per two-hour block (00–02 … 22–24), in units of the active level.</param>
/// <param name="Total">Log of 1 + the day's total activity in active-level units.</param>
/// <param name="RisingHour">Local hour (fractional) when the person got going after 04:00.</param>
/// <param name="NightRestlessness">Share of 00:00–05:00 minutes that were not still.</param>
public sealed record DailyProfile(DateOnly Date, float[] Blocks, float Total, float RisingHour, float NightRestlessness)
{
    /// <summary>Days with less wear than this are left out: they say more about the watch than the person.</summary>
    public const double MinimumWornShare = 0.8;

    /// <summary>The features the anomaly model sees.</summary>
    public float[] Features() => [.. Blocks, Total, RisingHour, NightRestlessness];

    /// <summary>Profiles of every sufficiently worn local day in a history.</summary>
    public static List<DailyProfile> FromHistory(IReadOnlyList<ActivityMinute> minutes, StillDefinition still)
    {
        var scale = Math.Max(still.ActiveLevel - still.Floor, 1);
        return minutes.GroupBy(m => DateOnly.FromDateTime(m.Local))
            .Where(day => day.Count() >= 1380 && day.Count(m => m.Worn) >= MinimumWornShare * day.Count())
            .Select(day => Summarise(day.Key, day.OrderBy(m => m.Utc).ToList(), still, scale))
            .OrderBy(p => p.Date)
            .ToList();
    }

    private static DailyProfile Summarise(DateOnly date, List<ActivityMinute> day, StillDefinition still, double scale)
    {
        var blocks = new float[12];
        for (var b = 0; b < 12; b++)
        {
            var inBlock = day.Where(m => m.Local.Hour / 2 == b && m.Worn).ToList();
            blocks[b] = inBlock.Count == 0 ? 0 : (float)(inBlock.Average(m => Math.Max(0, m.Activity - still.Floor)) / scale);
        }
        var total = (float)Math.Log(1 + day.Where(m => m.Worn).Sum(m => Math.Max(0, m.Activity - still.Floor)) / scale);
        var night = day.Where(m => m.Local.Hour < 5 && m.Worn).ToList();
        var restless = night.Count == 0 ? 0 : (float)night.Count(m => !still.IsStill(m)) / night.Count;
        return new DailyProfile(date, blocks, total, FindRisingHour(day, still), restless);
    }

    // The first half hour after 04:00 in which most minutes move: when the day got going.
    private static float FindRisingHour(List<ActivityMinute> day, StillDefinition still)
    {
        var morning = day.Where(m => m.Local.Hour >= 4).ToList();
        for (var i = 0; i + 30 <= morning.Count; i++)
            if (morning.Skip(i).Take(30).Count(m => !still.IsStill(m)) >= 15)
                return morning[i].Local.Hour + morning[i].Local.Minute / 60f;
        return 14; // never got going: as late as the feature goes
    }
}
