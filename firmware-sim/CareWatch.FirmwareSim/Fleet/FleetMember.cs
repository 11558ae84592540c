using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>One watch of a fleet: its credentials, the senior's routine and the watch's script.</summary>
public sealed record FleetMember(DeviceConnectionString Connection, DailyRoutine Routine, Scenario Scenario)
{
    /// <summary>The watch's own clock: <paramref name="reference"/> with the script's clock errors.</summary>
    public TimeProvider ClockOver(TimeProvider reference) => WatchClock.Over(reference, Scenario.ClockSteps);
}
