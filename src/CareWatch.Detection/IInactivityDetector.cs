namespace CareWatch.Detection;

/// <summary>What a detector says after a minute.</summary>
public enum DetectorSignal
{
    /// <summary>Nothing new.</summary>
    None,
    /// <summary>Raise an inactivity alert now.</summary>
    Alert,
    /// <summary>The still period that was alerted has ended (movement).</summary>
    Clear,
}

/// <summary>A detector's verdict for one minute; an alert carries its plain-words explanation.</summary>
public readonly record struct DetectorOutput(DetectorSignal Signal, string? Explanation = null)
{
    /// <summary>Nothing new.</summary>
    public static DetectorOutput None => default;
}

/// <summary>
/// A streaming inactivity detector for one person. Feed minutes in time order; it alerts at most once per
/// still period and says Clear when movement ends an alerted period.
/// </summary>
public interface IInactivityDetector
{
    /// <summary>Takes the next minute.</summary>
    DetectorOutput Observe(in ActivityMinute minute);

    /// <summary>Start of the current still period (UTC), or null while not still.</summary>
    DateTime? StillSince { get; }

    /// <summary>When and why it alerts for the current still period (null while not still, or not known).</summary>
    InactivityFacts? Facts => null;
}

/// <summary>Makes per-person detectors, after an optional fit on the population's training histories.</summary>
public interface IDetectorFactory
{
    /// <summary>Short name for reports, e.g. "timer 3 h" or "model α=0.003".</summary>
    string Name { get; }

    /// <summary>A detector for one person, given only that person's training days.</summary>
    IInactivityDetector CreateFor(PersonHistory personTraining);
}
