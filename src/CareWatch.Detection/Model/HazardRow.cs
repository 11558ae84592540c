namespace CareWatch.Detection.Model;

/// <summary>
/// One step of a still period for the discrete-time hazard model: "this period has lasted
/// <see cref="Elapsed"/> minutes; does it end within the next <see cref="HazardModel.StepMinutes"/>?"
/// </summary>
internal sealed class HazardRow
{
    public float Elapsed { get; set; }
    public float LogElapsed { get; set; }
    public float HourSin { get; set; }
    public float HourCos { get; set; }
    public float StartHourSin { get; set; }
    public float StartHourCos { get; set; }
    public float Weekend { get; set; }
    public float Q90AtStart { get; set; }
    public float MaxAtStart { get; set; }
    public float ElapsedOverQ90 { get; set; }
    public float ElapsedOverMax { get; set; }
    public float StillShareNow { get; set; }
    public float StillShareAtStart { get; set; }
    public bool Label { get; set; }

    /// <summary>The feature columns, in the order the model concatenates them.</summary>
    public static readonly string[] FeatureColumns =
    [
        nameof(Elapsed), nameof(LogElapsed), nameof(HourSin), nameof(HourCos), nameof(StartHourSin), nameof(StartHourCos),
        nameof(Weekend), nameof(Q90AtStart), nameof(MaxAtStart), nameof(ElapsedOverQ90), nameof(ElapsedOverMax),
        nameof(StillShareNow), nameof(StillShareAtStart),
    ];

    /// <summary>Features for a still period that started at <paramref name="startLocal"/> and has lasted <paramref name="elapsed"/> minutes.</summary>
    public static HazardRow Create(DateTime startLocal, int elapsed, PersonProfile profile, bool label = false)
    {
        var now = startLocal.AddMinutes(elapsed);
        double startHour = startLocal.Hour + startLocal.Minute / 60.0, hour = now.Hour + now.Minute / 60.0;
        var q90 = Math.Max(profile.Q90Minutes[startLocal.Hour], PersonProfile.MinimumPeriodMinutes);
        var max = Math.Max(profile.MaxMinutes[startLocal.Hour], PersonProfile.MinimumPeriodMinutes);
        return new HazardRow
        {
            Elapsed = elapsed,
            LogElapsed = (float)Math.Log(elapsed),
            HourSin = (float)Math.Sin(2 * Math.PI * hour / 24),
            HourCos = (float)Math.Cos(2 * Math.PI * hour / 24),
            StartHourSin = (float)Math.Sin(2 * Math.PI * startHour / 24),
            StartHourCos = (float)Math.Cos(2 * Math.PI * startHour / 24),
            Weekend = startLocal.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0,
            Q90AtStart = (float)q90,
            MaxAtStart = (float)max,
            ElapsedOverQ90 = (float)(elapsed / q90),
            ElapsedOverMax = (float)(elapsed / max),
            StillShareNow = (float)profile.StillShare[now.Hour],
            StillShareAtStart = (float)profile.StillShare[startLocal.Hour],
            Label = label,
        };
    }
}

/// <summary>What the model returns per row.</summary>
internal sealed class HazardPrediction
{
    public float Probability { get; set; }
}
