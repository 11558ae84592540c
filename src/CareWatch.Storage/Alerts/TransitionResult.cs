namespace CareWatch.Storage.Alerts;

/// <summary>How a transition ended.</summary>
public enum TransitionStatus
{
    /// <summary>Applied: the alert is the new row.</summary>
    Applied,
    /// <summary>No such alert.</summary>
    NotFound,
    /// <summary>The alert changed since the caller read it (another version): the alert is the current row.</summary>
    Stale,
    /// <summary>The alert is in a state the change cannot start from: the alert is the current row.</summary>
    WrongState,
}

/// <summary>The result of a transition, with the alert as it is now (null when not found).</summary>
public sealed record TransitionResult(TransitionStatus Status, AlertRecord? Alert)
{
    /// <summary>Whether it was applied.</summary>
    public bool Applied => Status == TransitionStatus.Applied;
}

/// <summary>The result of a raise.</summary>
/// <param name="Alert">The active alert of the episode.</param>
/// <param name="Inserted">A new alert was created.</param>
/// <param name="Repeated">An active alert of the kind existed and the raise extended it (a repeat).</param>
public sealed record RaiseResult(AlertRecord Alert, bool Inserted, bool Repeated);
