namespace CareWatch.Detection;

/// <summary>The daytime band of the local clock (08:00–22:00 by default); the rest is night.</summary>
public sealed record DayBand(int StartHour, int EndHour)
{
    /// <summary>08:00–22:00, as the evaluation reports it.</summary>
    public static DayBand Default { get; } = new(8, 22);

    /// <summary>Whether a local time falls in the day band.</summary>
    public bool IsDay(DateTime local) => local.Hour >= StartHour && local.Hour < EndHour;
}
