using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.CheckIn;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>One watch of a fleet: its credentials, the senior's routine and the watch's script.</summary>
public sealed record FleetMember(DeviceConnectionString Connection, DailyRoutine Routine, Scenario Scenario)
{
    /// <summary>
    /// Start of the newest minute the server already stores from this watch (its registry status'
    /// <c>lastMinuteAt</c>); null for a watch the server has nothing from.
    /// </summary>
    public DateTime? LastStoredMinute { get; init; }

    /// <summary>How the senior answers "Are you OK?"; null: the watch does not take direct methods.</summary>
    public CheckInAnswers? CheckIn { get; init; }

    /// <summary>The watch's own clock: <paramref name="reference"/> with the script's clock errors.</summary>
    public TimeProvider ClockOver(TimeProvider reference) => WatchClock.Over(reference, Scenario.ClockSteps);

    /// <summary>
    /// The first minute to upload at <paramref name="nowUtc"/>: <paramref name="backfill"/> back, or — when the
    /// server already stores part of that — the minute after its newest one, so a rerun sends only what it lacks.
    /// </summary>
    public DateTime BackfillStart(DateTime nowUtc, TimeSpan backfill)
    {
        var full = MinuteCursor.FloorToMinute(nowUtc - backfill);
        if (LastStoredMinute is not { } last) return full;
        var next = MinuteCursor.FloorToMinute(last).AddMinutes(1);
        return next > full ? next : full;
    }
}
