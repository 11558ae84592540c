namespace CareWatch.Monitoring;

/// <summary>What a new minute changed about a senior's inactivity.</summary>
public enum StillnessChange
{
    /// <summary>Nothing to tell anyone.</summary>
    None,
    /// <summary>The current still period just reached the alert threshold.</summary>
    ThresholdReached,
    /// <summary>Movement resumed while an inactivity alert was open.</summary>
    MovementResumed,
}

/// <summary>
/// Follows one senior's still period minute by minute under the fixed rule of <see cref="MonitorOptions"/>.
/// Pure logic: the grain feeds it and acts on what it returns.
/// </summary>
public sealed class StillnessTracker(MonitorOptions options)
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>Start of the latest minute seen; older minutes are ignored.</summary>
    public DateTime? LastMinute { get; private set; }

    /// <summary>Start of the current still period, or null while moving.</summary>
    public DateTime? StillSince { get; private set; }

    /// <summary>Whether an inactivity alert is open for the current still period.</summary>
    public bool IsAlerting { get; set; }

    /// <summary>How long the current still period has lasted up to the end of the latest minute.</summary>
    public TimeSpan StillFor => StillSince is { } since && LastMinute is { } last ? last + OneMinute - since : TimeSpan.Zero;

    /// <summary>Takes one minute (in time order) and says what changed.</summary>
    public StillnessChange Observe(DateTime start, int movement, bool worn)
    {
        if (LastMinute is { } last && start <= last) return StillnessChange.None; // replayed or late minute
        var gap = LastMinute is { } previous ? start - previous - OneMinute : TimeSpan.Zero;
        LastMinute = start;

        // Not worn is a device-health matter, never inactivity; the alert stays for staff to judge.
        if (!worn)
        {
            StillSince = null;
            return StillnessChange.None;
        }
        if (movement > options.StillMovementThreshold)
        {
            StillSince = null;
            if (!IsAlerting) return StillnessChange.None;
            IsAlerting = false;
            return StillnessChange.MovementResumed;
        }
        if (StillSince is null || gap > options.MaxGapInsideStillPeriod) StillSince = start;
        if (IsAlerting || StillFor < options.StillAlertAfter) return StillnessChange.None;
        IsAlerting = true;
        return StillnessChange.ThresholdReached;
    }
}
