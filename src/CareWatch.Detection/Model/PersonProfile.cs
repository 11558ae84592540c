namespace CareWatch.Detection.Model;

/// <summary>
/// What a person's own history says about stillness at each hour of the day: how long their still periods
/// starting then usually last, and how much of that hour they spend still (high at night: the sleep window).
/// These are the personal features of the hazard model; a new senior borrows the population's.
/// </summary>
public sealed class PersonProfile
{
    /// <summary>Hours of the day.</summary>
    public const int Hours = 24;

    /// <summary>Still periods shorter than this do not count as rest: a pause, not a lie-down.</summary>
    public const int MinimumPeriodMinutes = 10;

    /// <summary>90th percentile of still-period length (minutes) for periods starting within ±2 h of each hour.</summary>
    public double[] Q90Minutes { get; } = new double[Hours];

    /// <summary>Longest still period (minutes) starting within ±2 h of each hour.</summary>
    public double[] MaxMinutes { get; } = new double[Hours];

    /// <summary>Share of worn minutes at each hour that are still.</summary>
    public double[] StillShare { get; } = new double[Hours];

    /// <summary>Days of worn data behind the profile.</summary>
    public double Days { get; private set; }

    /// <summary>Builds a person's profile from their history.</summary>
    public static PersonProfile Build(IReadOnlyList<ActivityMinute> minutes, StillDefinition definition)
    {
        var profile = new PersonProfile();
        var still = new double[Hours];
        var worn = new double[Hours];
        foreach (var m in minutes)
        {
            if (!m.Worn) continue;
            worn[m.Local.Hour]++;
            if (definition.IsStill(m)) still[m.Local.Hour]++;
        }
        profile.Days = worn.Sum() / 1440.0;
        for (var h = 0; h < Hours; h++) profile.StillShare[h] = worn[h] > 0 ? still[h] / worn[h] : 0.5;

        var periods = StillPeriods.Extract(minutes, definition, MinimumPeriodMinutes);
        for (var h = 0; h < Hours; h++)
        {
            var near = periods.Where(p => CircularDistance(p.StartLocal.Hour, h) <= 2).Select(p => (double)p.Minutes).Order().ToArray();
            profile.Q90Minutes[h] = near.Length == 0 ? MinimumPeriodMinutes : near[(int)Math.Round(0.9 * (near.Length - 1))];
            profile.MaxMinutes[h] = near.Length == 0 ? MinimumPeriodMinutes : near[^1];
        }
        return profile;
    }

    /// <summary>
    /// Mixes a person's profile with the population's, weighting the person by days/(days + halfWeightDays):
    /// a new senior starts on the population and is personalised as their own days accumulate.
    /// </summary>
    public static PersonProfile Blend(PersonProfile population, PersonProfile person, double halfWeightDays)
    {
        var w = person.Days / (person.Days + halfWeightDays);
        var blended = new PersonProfile { Days = person.Days };
        for (var h = 0; h < Hours; h++)
        {
            blended.Q90Minutes[h] = w * person.Q90Minutes[h] + (1 - w) * population.Q90Minutes[h];
            blended.MaxMinutes[h] = w * person.MaxMinutes[h] + (1 - w) * population.MaxMinutes[h];
            blended.StillShare[h] = w * person.StillShare[h] + (1 - w) * population.StillShare[h];
        }
        return blended;
    }

    /// <summary>The average profile of many people (the cold-start prior).</summary>
    public static PersonProfile Average(IReadOnlyCollection<PersonProfile> profiles)
    {
        var average = new PersonProfile { Days = 0 };
        for (var h = 0; h < Hours; h++)
        {
            average.Q90Minutes[h] = Median(profiles.Select(p => p.Q90Minutes[h]));
            average.MaxMinutes[h] = Median(profiles.Select(p => p.MaxMinutes[h]));
            average.StillShare[h] = Median(profiles.Select(p => p.StillShare[h]));
        }
        return average;
    }

    /// <summary>Serialises to a flat array (for storage next to the model).</summary>
    public double[] ToArray() => [.. Q90Minutes, .. MaxMinutes, .. StillShare, Days];

    /// <summary>Reads <see cref="ToArray"/>'s output.</summary>
    public static PersonProfile FromArray(double[] values)
    {
        var p = new PersonProfile { Days = values[3 * Hours] };
        Array.Copy(values, 0, p.Q90Minutes, 0, Hours);
        Array.Copy(values, Hours, p.MaxMinutes, 0, Hours);
        Array.Copy(values, 2 * Hours, p.StillShare, 0, Hours);
        return p;
    }

    private static int CircularDistance(int a, int b) => Math.Min(Math.Abs(a - b), Hours - Math.Abs(a - b));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? MinimumPeriodMinutes : sorted[sorted.Length / 2];
    }
}
