using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Fleet;

/// <summary>One watch of a fleet: its credentials, the senior's routine and the watch's script.</summary>
public sealed record FleetMember(DeviceConnectionString Connection, DailyRoutine Routine, Scenario Scenario);
