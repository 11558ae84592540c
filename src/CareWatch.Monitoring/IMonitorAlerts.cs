namespace CareWatch.Monitoring;

/// <summary>An alert a senior's monitor has decided to raise.</summary>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="StillSince">Start of the still period (inactivity only), UTC.</param>
/// <param name="StartedAt">When the condition began (still since, the button press, off the wrist since…), UTC.</param>
/// <param name="Explanation">What staff read.</param>
/// <param name="Reason">Why the monitor raised it, for the log (no personal data).</param>
/// <param name="Facts">The structured facts (inactivity), from which explanations are rendered when shown.</param>
public sealed record AlertRequest(string Kind, DateTime? StillSince, DateTime StartedAt, string Explanation, string Reason,
    AlertFacts? Facts = null);

/// <summary>An open alert as a monitor needs to know it after a restart.</summary>
/// <param name="RaisedAt">When it was raised (UTC).</param>
/// <param name="Facts">Its structured facts, if any.</param>
public sealed record OpenAlert(DateTime RaisedAt, AlertFacts? Facts);

/// <summary>
/// The port through which a <see cref="SeniorMonitor"/> raises and clears its senior's alerts. The production
/// implementation (<see cref="SeniorAlerts"/>) stores them in PostgreSQL and then tells people.
/// </summary>
public interface IMonitorAlerts
{
    /// <summary>The senior's open alerts of the kinds a monitor manages, by kind.</summary>
    Task<IReadOnlyDictionary<string, OpenAlert>> LoadOpenAsync(CancellationToken ct);

    /// <summary>Whether an inactivity alert (in any state) was ever raised for the still period that began then.</summary>
    Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct);

    /// <summary>SOS presses and falls since <paramref name="since"/> that no alert covers (the node died in between).</summary>
    Task<IReadOnlyList<(DateTime At, string Kind)>> UnalertedEventsAsync(DateTime since, CancellationToken ct);

    /// <summary>Stores and announces the alert; a no-op if one of the kind is open. Throws when it could not be stored.</summary>
    Task RaiseAsync(AlertRequest alert, CancellationToken ct);

    /// <summary>Replaces the facts of the open alert of the kind (another detector took over); tells people. Throws on failure.</summary>
    Task UpdateFactsAsync(string kind, AlertFacts facts, CancellationToken ct);

    /// <summary>Marks the open alert of the kind cleared: its condition ended at <paramref name="endedAt"/>. Throws on failure.</summary>
    Task ClearAsync(string kind, DateTime endedAt, string reason, CancellationToken ct);
}
