namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// Lays out the waking hours: fixed anchors (morning charge, meals, nap, walk) first, then the gaps
/// filled with alternating quiet sitting and pottering, as an older person's day mostly is.
/// </summary>
internal static class DayTimeline
{
    public static List<ActivitySegment> Build(PersonProfile p, ref SeededRandom r, DateOnly date, DateTime wake, DateTime bed)
    {
        var anchors = new List<ActivitySegment>();
        void Add(DateTime start, double minutes, ActivityKind kind)
        {
            var end = start.AddMinutes(Math.Round(minutes));
            if (start >= wake && end <= bed && !anchors.Any(a => start < a.End && a.Start < end))
                anchors.Add(new ActivitySegment(start, end, kind));
        }

        if (!p.ChargesAtNight) Add(wake.AddMinutes(r.Next(5, 25)), r.Next(35, 70), ActivityKind.Charging);
        Add(wake.AddMinutes(r.Next(75, 100)), r.Next(20, 30), ActivityKind.Meal);
        Add(DayPlan.At(date, r.Next(12 * 60, 13 * 60 + 15)), r.Next(25, 40), ActivityKind.Meal);
        Add(DayPlan.At(date, r.Next(17 * 60 + 45, 19 * 60)), r.Next(30, 45), ActivityKind.Meal);
        if (r.Chance(p.NapChance)) Add(DayPlan.At(date, r.Next(13 * 60 + 45, 15 * 60)), r.Next(25, 90), ActivityKind.Nap);
        if (r.Chance(p.WalkChance))
        {
            var morning = r.Chance(0.5);
            var start = morning ? r.Next(10 * 60, 11 * 60 + 30) : r.Next(15 * 60 + 15, 16 * 60 + 30);
            Add(DayPlan.At(date, start), r.Next(30, 80), ActivityKind.Walk);
        }
        anchors.Sort((a, b) => a.Start.CompareTo(b.Start));

        var result = new List<ActivitySegment>();
        var cursor = wake;
        foreach (var anchor in anchors.Append(new ActivitySegment(bed, bed, ActivityKind.Sitting)))
        {
            FillGap(ref r, result, cursor, anchor.Start);
            if (anchor.End > anchor.Start) result.Add(anchor);
            cursor = anchor.End;
        }
        return result;
    }

    // Alternating blocks; the first block after getting up is pottering (washing, dressing).
    private static void FillGap(ref SeededRandom r, List<ActivitySegment> into, DateTime from, DateTime to)
    {
        var pottering = into.Count == 0 || r.Chance(0.5);
        while (from < to)
        {
            var minutes = pottering ? r.Next(5, 30) : r.Next(15, 75);
            var end = from.AddMinutes(minutes);
            if (end > to) end = to;
            into.Add(new ActivitySegment(from, end, pottering ? ActivityKind.Pottering : ActivityKind.Sitting));
            from = end;
            pottering = !pottering;
        }
    }
}
