namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// Lays out the night: either the watch sits on its charger from bed time to morning, or the senior
/// sleeps with up to three short bathroom visits.
/// </summary>
internal static class NightTimeline
{
    public static List<ActivitySegment> Build(PersonProfile p, ref SeededRandom r, DateTime bed, DateTime nextWake)
    {
        if (p.ChargesAtNight) return [new ActivitySegment(bed, nextWake, ActivityKind.Charging)];

        var visits = new List<DateTime>();
        var count = r.Next(0, 4);
        var window = (nextWake - bed).TotalMinutes - 120;
        for (var i = 0; i < count && window > 0; i++)
            visits.Add(bed.AddMinutes(60 + Math.Round(r.NextDouble() * window)));
        visits.Sort();

        var result = new List<ActivitySegment>();
        var cursor = bed;
        foreach (var visit in visits)
        {
            if (visit < cursor) continue; // overlapping visits merge into the previous one
            var end = visit.AddMinutes(r.Next(3, 9));
            if (visit > cursor) result.Add(new ActivitySegment(cursor, visit, ActivityKind.Sleep));
            result.Add(new ActivitySegment(visit, end, ActivityKind.Bathroom));
            cursor = end;
        }
        if (cursor < nextWake) result.Add(new ActivitySegment(cursor, nextWake, ActivityKind.Sleep));
        return result;
    }
}
