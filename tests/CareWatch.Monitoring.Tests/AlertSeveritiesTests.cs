using CareWatch.Detection;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Tests;

public sealed class AlertSeveritiesTests
{
    [Theory]
    [InlineData(AlertTrigger.Model, false, true)]
    [InlineData(AlertTrigger.SafetyFloor, false, true)]   // shipped: the floor asks first too
    [InlineData(AlertTrigger.SafetyFloor, true, false)]   // configured: the floor calls staff at once
    [InlineData(AlertTrigger.Model, true, true)]
    public void ChecksIn_InactivityByTrigger_FollowsTheTwoStagePolicy(AlertTrigger trigger, bool floorCallsStaff, bool asks) =>
        Assert.Equal(asks, AlertSeverities.ChecksIn(AlertKinds.Inactivity, new MonitorOptions { FloorCallsStaff = floorCallsStaff }, trigger));

    [Fact]
    public void ChecksIn_SosOrCheckInOff_NeverAsks()
    {
        Assert.False(AlertSeverities.ChecksIn(AlertKinds.Sos, new MonitorOptions()));
        Assert.False(AlertSeverities.ChecksIn(AlertKinds.Inactivity, new MonitorOptions { CheckIn = false }, AlertTrigger.Model));
    }
}
