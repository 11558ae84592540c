using CareWatch.Protocol;
using CareWatch.Storage;

namespace CareWatch.Monitoring;

/// <summary>A button press or fall from the senior's watch.</summary>
[GenerateSerializer, Immutable]
public sealed record ObservedEvent([property: Id(0)] DateTime At, [property: Id(1)] DeviceEventKind Kind);

/// <summary>The monitor's live view of a senior.</summary>
[GenerateSerializer, Immutable]
public sealed record MonitorSnapshot(
    [property: Id(0)] DateTime? LastMinute,
    [property: Id(1)] DateTime? StillSince,
    [property: Id(2)] bool InactivityAlertOpen);

/// <summary>One per senior (keyed by the senior's id): follows their movement and raises and clears alerts.</summary>
public interface ISeniorMonitorGrain : IGrainWithGuidKey
{
    /// <summary>
    /// New stored minutes from one of the senior's watches, whether that watch is charging, and its battery as the
    /// batch reported it (null: not known, e.g. a replay).
    /// </summary>
    Task ObserveMinutesAsync(IReadOnlyList<StoredMinute> minutes, bool charging, BatteryReading? battery);

    /// <summary>The supervision sweep found the senior's watch silent since <paramref name="lastSeenUtc"/>.</summary>
    Task ReportOfflineAsync(DateTime lastSeenUtc);

    /// <summary>Button presses and falls.</summary>
    Task ObserveEventsAsync(IReadOnlyList<ObservedEvent> events);

    /// <summary>
    /// Someone outside the monitor changed one of the senior's alerts (staff acknowledged or resolved it, a sweep
    /// opened it): the monitor reads its alerts again, so it never decides on a state it no longer has.
    /// </summary>
    Task AlertChangedAsync(long alertId);

    /// <summary>The current state, for the board and for tests.</summary>
    Task<MonitorSnapshot> GetSnapshotAsync();

    /// <summary>The current still period against what is normal for the senior now (the senior page).</summary>
    Task<StillnessNow> GetStillnessAsync();

    /// <summary>
    /// The senior's data was erased: drop what this activation holds in memory (the last day of minutes, pending
    /// decisions) and deactivate. Nothing can come back: a later activation reads PostgreSQL, which has nothing of
    /// hers, and a pending alert could not be stored anyway (alerts reference the deleted senior).
    /// </summary>
    Task ForgetAsync();
}
