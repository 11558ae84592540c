namespace CareWatch.Detection;

/// <summary>
/// Follows the current still period minute by minute. A moving minute, a minute not worn, or a hole in
/// the data longer than <see cref="MaxGap"/> ends it: no data is not stillness.
/// </summary>
public sealed class StillPeriodTracker(StillDefinition definition)
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>The longest hole in the data that a still period survives.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(15);

    /// <summary>The still definition in use.</summary>
    public StillDefinition Definition => definition;

    /// <summary>UTC start of the current still period, or null.</summary>
    public DateTime? StillSince { get; private set; }

    /// <summary>Local wall-clock start of the current still period, or null.</summary>
    public DateTime? StillSinceLocal { get; private set; }

    /// <summary>UTC start of the latest minute seen.</summary>
    public DateTime? LastMinute { get; private set; }

    /// <summary>Length of the current still period up to the end of the latest minute.</summary>
    public TimeSpan StillFor => StillSince is { } s && LastMinute is { } l ? l + OneMinute - s : TimeSpan.Zero;

    /// <summary>Takes the next minute; returns false when it was older than the latest one and ignored.</summary>
    public bool Observe(in ActivityMinute minute)
    {
        if (LastMinute is { } last && minute.Utc <= last) return false;
        var gap = LastMinute is { } previous ? minute.Utc - previous - OneMinute : TimeSpan.Zero;
        LastMinute = minute.Utc;
        if (!definition.IsStill(minute))
        {
            StillSince = null;
            StillSinceLocal = null;
        }
        else if (StillSince is null || gap > MaxGap)
        {
            StillSince = minute.Utc;
            StillSinceLocal = minute.Local;
        }
        return true;
    }
}
