namespace CareWatch.Detection.Model;

/// <summary>
/// How a survival curve continues beyond the still periods a person has shown. Past the longest still period
/// they have had starting around this hour, the hazard model has almost no rows like this one, and LightGBM
/// borrows its answer from the long still periods it has seen — nights of sleep, whose hazard falls with every
/// hour. So a period that began at noon and has lasted 5 h was scored as if it were sleep, and midday
/// emergencies waited longest of all for an alert. Beyond the person's longest, the hazard is therefore held at
/// no less than its level just before it (an exponential tail): the data show no hazard falling there, so the
/// curve does not assume one. Measured on Depresjon (docs/detection-model.md): median delays by day drop by
/// 30–95 min at equal false-alarm rates from 0 to 4.4 per person-month; at night and above 10 they hardly change.
/// </summary>
internal static class TailExtrapolation
{
    /// <summary>Minutes up to the edge over which the edge hazard is averaged (one 5-min step is too noisy).</summary>
    public const int EdgeWindowMinutes = 30;

    /// <summary>
    /// Holds <paramref name="hazards"/> (one per <see cref="HazardModel.StepMinutes"/> step from
    /// <see cref="PersonProfile.MinimumPeriodMinutes"/>) at no less than their mean over the
    /// <see cref="EdgeWindowMinutes"/> up to <paramref name="longestMinutes"/>, from there on.
    /// </summary>
    public static void HoldBeyond(Span<float> hazards, double longestMinutes)
    {
        var edge = (int)Math.Round((Math.Max(longestMinutes, PersonProfile.MinimumPeriodMinutes) - PersonProfile.MinimumPeriodMinutes) / HazardModel.StepMinutes);
        if (edge >= hazards.Length - 1) return;
        var first = Math.Max(0, edge - EdgeWindowMinutes / HazardModel.StepMinutes + 1);
        var held = 0f;
        for (var step = first; step <= edge; step++) held += hazards[step];
        held /= edge - first + 1;
        for (var step = edge + 1; step < hazards.Length; step++) hazards[step] = Math.Max(hazards[step], held);
    }
}
