namespace CareWatch.Detection.Model;

/// <summary>
/// One person's survival curves of still periods, compiled from the hazard model: for a still period
/// starting in each half-hour slot of the week-part (weekday/weekend), S(t) = P(it lasts ≥ t minutes | it
/// lasted 10). Compiling once makes scoring a table look-up, cheap enough for every minute of every senior.
/// </summary>
public sealed class PersonSurvival
{
    private const int SlotsPerDay = 48;
    private static readonly int Steps = (HazardModel.HorizonMinutes - PersonProfile.MinimumPeriodMinutes) / HazardModel.StepMinutes + 1;

    // [weekend * SlotsPerDay + slot][step] = S at t = 10 + step * 5 minutes
    private readonly float[][] _survival;

    private PersonSurvival(float[][] survival, StillDefinition still, PersonProfile profile)
    {
        _survival = survival;
        Still = still;
        Profile = profile;
    }

    /// <summary>The person's still definition.</summary>
    public StillDefinition Still { get; }

    /// <summary>The (blended) profile the curves were compiled with.</summary>
    public PersonProfile Profile { get; }

    /// <summary>Compiles a person's curves from their history (may be empty: a new senior gets the population's).</summary>
    public static PersonSurvival Compile(HazardModel model, IReadOnlyList<ActivityMinute> history)
    {
        var still = StillDefinition.Learn(history, model.PopulationStill);
        var own = PersonProfile.Build(history, still);
        var profile = PersonProfile.Blend(model.PopulationProfile, own, HazardModel.HalfWeightDays);

        var rows = new List<HazardRow>(2 * SlotsPerDay * Steps);
        var monday = new DateTime(2024, 1, 1); // a Monday; the date only decides weekday vs weekend
        foreach (var day in new[] { monday, monday.AddDays(5) })
            for (var slot = 0; slot < SlotsPerDay; slot++)
                for (var step = 0; step < Steps; step++)
                    rows.Add(HazardRow.Create(day.AddMinutes(slot * 30 + 15), PersonProfile.MinimumPeriodMinutes + step * HazardModel.StepMinutes, profile));
        var hazards = model.PredictHazards(rows);

        var survival = new float[2 * SlotsPerDay][];
        for (var curve = 0; curve < survival.Length; curve++)
        {
            // Beyond the longest still period this person has had starting around this hour, no falling hazard.
            var startHour = curve % SlotsPerDay / 2;
            TailExtrapolation.HoldBeyond(hazards.AsSpan(curve * Steps, Steps), profile.MaxMinutes[startHour]);
            survival[curve] = new float[Steps];
            double s = 1;
            for (var step = 0; step < Steps; step++)
            {
                survival[curve][step] = (float)s;
                s *= 1 - hazards[curve * Steps + step];
            }
        }
        return new PersonSurvival(survival, still, profile);
    }

    /// <summary>S(elapsed) for a still period that started at <paramref name="startLocal"/>.</summary>
    public double SurvivalAt(DateTime startLocal, TimeSpan elapsed)
    {
        var curve = Curve(startLocal);
        var step = (int)((elapsed.TotalMinutes - PersonProfile.MinimumPeriodMinutes) / HazardModel.StepMinutes);
        return step < 0 ? 1 : curve[Math.Min(step, Steps - 1)];
    }

    /// <summary>
    /// The shortest still period, starting at <paramref name="startLocal"/>, whose survival falls below
    /// <paramref name="alpha"/>; null when it never does within the horizon (the safety floor then decides).
    /// </summary>
    public TimeSpan? AlertAfter(DateTime startLocal, double alpha)
    {
        var curve = Curve(startLocal);
        for (var step = 0; step < Steps; step++)
            if (curve[step] < alpha) return TimeSpan.FromMinutes(PersonProfile.MinimumPeriodMinutes + step * HazardModel.StepMinutes);
        return null;
    }

    private float[] Curve(DateTime startLocal)
    {
        var weekend = startLocal.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0;
        return _survival[weekend * SlotsPerDay + startLocal.Hour * 2 + startLocal.Minute / 30];
    }
}
