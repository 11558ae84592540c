namespace CareWatch.Detection.Wellbeing;

/// <summary>Puts the difference between recent days and usual days into words a caregiver can act on.</summary>
public static class DriftDescription
{
    /// <summary>The notable changes as facts, largest first (at least one: that the pattern differs).</summary>
    public static IReadOnlyList<DriftChange> Changes(IReadOnlyList<DailyProfile> usual, IReadOnlyList<DailyProfile> recent)
    {
        var changes = new List<DriftChange>();
        double usualTotal = usual.Average(d => Math.Exp(d.Total) - 1), recentTotal = recent.Average(d => Math.Exp(d.Total) - 1);
        var activityChange = usualTotal <= 0 ? 0 : (recentTotal - usualTotal) / usualTotal;
        if (activityChange <= -0.3) changes.Add(new(DriftChange.LessActivity, activityChange, 0, recent.Count));
        else if (activityChange >= 0.5) changes.Add(new(DriftChange.MoreActivity, activityChange, 0, recent.Count));

        double usualRise = Median(usual.Select(d => (double)d.RisingHour)), recentRise = Median(recent.Select(d => (double)d.RisingHour));
        if (recentRise - usualRise >= 1) changes.Add(new(DriftChange.LaterRising, recentRise, usualRise, recent.Count));

        double usualNight = usual.Average(d => d.NightRestlessness), recentNight = recent.Average(d => d.NightRestlessness);
        if (recentNight - usualNight >= 0.1) changes.Add(new(DriftChange.BrokenNights, recentNight, usualNight, recent.Count));
        if (changes.Count == 0) changes.Add(new(DriftChange.Different, 0, 0, recent.Count));
        return changes;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
