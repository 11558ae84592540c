using CareWatch.Storage;

namespace CareWatch.Monitoring;

/// <summary>An alert a senior's monitor has decided to raise.</summary>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="StillSince">Start of the still period (inactivity only), UTC.</param>
/// <param name="StartedAt">When the condition began (still since, the button press, off the wrist since…), UTC.</param>
/// <param name="Explanation">What staff read.</param>
/// <param name="Reason">Why the monitor raised it, for the log (no personal data).</param>
/// <param name="Facts">The structured facts (inactivity), from which explanations are rendered when shown.</param>
/// <param name="Trace">The trace to raise it in when it is not the caller's: the device message that carried an event
/// found unalerted in storage.</param>
public sealed record AlertRequest(string Kind, DateTime? StillSince, DateTime StartedAt, string Explanation, string Reason,
    AlertFacts? Facts = null, StoredTrace? Trace = null);

/// <summary>An active alert (checking, open or acknowledged) as a monitor needs to know it.</summary>
/// <param name="Id">The alert.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="State">Its state (Storage's AlertStates).</param>
/// <param name="RaisedAt">When it was raised, or last repeated (UTC): data up to then was known when it was.</param>
/// <param name="EndedAt">When its condition ended, if the monitor recorded that already (no second condition-ended).</param>
/// <param name="Facts">Its structured facts, if any.</param>
/// <param name="StartedAt">When its situation began (the problem run it is about).</param>
public sealed record ActiveAlert(long Id, string Kind, string State, DateTime RaisedAt, DateTime? EndedAt, AlertFacts? Facts,
    DateTime StartedAt);

/// <summary>
/// The port through which a <see cref="SeniorMonitor"/> raises its senior's alerts and records what happens to their
/// conditions and check-ins. The production implementation (<see cref="SeniorAlerts"/>) writes through the alert
/// lifecycle's one writer in PostgreSQL and then tells people. Every method throws when it could not store.
/// </summary>
public interface IMonitorAlerts
{
    /// <summary>The senior's active alerts of the kinds a monitor follows (<see cref="AlertKinds.MonitorManaged"/>).</summary>
    Task<IReadOnlyList<ActiveAlert>> LoadActiveAsync(CancellationToken ct);

    /// <summary>Whether an inactivity alert (in any state) was ever raised for the still period that began then.</summary>
    Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct);

    /// <summary>The senior's OK presses since <paramref name="since"/> (stored before the monitor hears).</summary>
    Task<IReadOnlyList<DateTime>> OkPressesAsync(DateTime since, CancellationToken ct);

    /// <summary>SOS presses and falls since <paramref name="since"/> that no alert covers (the node died in between).</summary>
    Task<IReadOnlyList<UnalertedEvent>> UnalertedEventsAsync(DateTime since, CancellationToken ct);

    /// <summary>
    /// Stores the alert: in <c>checking</c> when <paramref name="checkIn"/> (the watch asks first, for the bureau's
    /// window), else open for staff. An active alert of the kind is extended instead (a repeat). Returns the active
    /// alert and whether it is new.
    /// </summary>
    Task<(ActiveAlert Alert, bool Inserted)> RaiseAsync(AlertRequest alert, bool checkIn, CancellationToken ct);

    /// <summary>The bureau's check-in window for the senior (how long a prompt waits for OK).</summary>
    Task<TimeSpan> CheckInWindowAsync(CancellationToken ct);

    /// <summary>The bureau's low-battery level for the senior, in percent (a low-battery alert by day below it).</summary>
    Task<int> LowBatteryPercentAsync(CancellationToken ct);

    /// <summary>
    /// Records that the watch shows prompt <paramref name="number"/>, waiting <paramref name="window"/> for OK (the
    /// window the caller read for the prompt); false when the alert no longer checks.
    /// </summary>
    Task<bool> PromptedAsync(long alertId, int number, TimeSpan window, CancellationToken ct);

    /// <summary>No watch could show the prompt: recorded, and the alert opened for staff at once.</summary>
    Task WatchUnreachableAsync(long alertId, CancellationToken ct);

    /// <summary>The senior pressed OK at <paramref name="at"/>: cancels a check-in, or is recorded as a late answer.</summary>
    Task SeniorOkAsync(DateTime at, CancellationToken ct);

    /// <summary>Replaces the facts of the active alert of the kind (another detector took over); tells people.</summary>
    Task UpdateFactsAsync(string kind, AlertFacts facts, CancellationToken ct);

    /// <summary>
    /// The condition of the active alert of the kind ended at <paramref name="endedAt"/>: an event on an alarm (it stays
    /// for staff), auto-resolved for device health. Returns false when no alert of the kind was active.
    /// </summary>
    Task<bool> EndConditionAsync(string kind, DateTime endedAt, string reason, CancellationToken ct);
}
