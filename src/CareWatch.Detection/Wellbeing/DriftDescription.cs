using System.Globalization;

namespace CareWatch.Detection.Wellbeing;

/// <summary>Puts the difference between recent days and usual days into words a caregiver can act on.</summary>
public static class DriftDescription
{
    /// <summary>The notable changes, largest first; empty when nothing stands out.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<DailyProfile> usual, IReadOnlyList<DailyProfile> recent)
    {
        var changes = new List<string>();
        double usualTotal = usual.Average(d => Math.Exp(d.Total) - 1), recentTotal = recent.Average(d => Math.Exp(d.Total) - 1);
        var activityChange = usualTotal <= 0 ? 0 : (recentTotal - usualTotal) / usualTotal;
        if (activityChange <= -0.3)
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"Much less activity than usual ({activityChange:P0} over the last {recent.Count} days)."));
        else if (activityChange >= 0.5)
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"Much more activity than usual (+{activityChange:P0})."));

        double usualRise = Median(usual.Select(d => (double)d.RisingHour)), recentRise = Median(recent.Select(d => (double)d.RisingHour));
        if (recentRise - usualRise >= 1)
            changes.Add($"Gets going later: around {Clock(recentRise)} instead of {Clock(usualRise)}.");

        double usualNight = usual.Average(d => d.NightRestlessness), recentNight = recent.Average(d => d.NightRestlessness);
        if (recentNight - usualNight >= 0.1)
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"Broken nights: restless {recentNight:P0} of the night instead of {usualNight:P0}."));
        if (changes.Count == 0) changes.Add("The daily pattern differs from usual days.");
        return changes;
    }

    private static string Clock(double hour) =>
        TimeSpan.FromHours(hour).ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
