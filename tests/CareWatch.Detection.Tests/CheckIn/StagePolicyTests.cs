using CareWatch.Detection.CheckIn;

namespace CareWatch.Detection.Tests.CheckIn;

public sealed class StagePolicyTests
{
    private const AlertTrigger Model = AlertTrigger.Model, Floor = AlertTrigger.SafetyFloor, Timer = AlertTrigger.FixedRule;

    [Fact]
    public void Decide_ModelOrTimerOrFloorByDefault_AsksFirst()
    {
        Assert.Equal(Stage.Prompt, StagePolicy.Default.Decide(Model));
        Assert.Equal(Stage.Prompt, StagePolicy.Default.Decide(Timer));
        Assert.Equal(Stage.Prompt, StagePolicy.Default.Decide(Floor));
    }

    [Fact]
    public void Decide_FloorWhenItCallsStaff_CallsStaffAndStillAsksForTheModel()
    {
        var policy = new StagePolicy(FloorCallsStaff: true);
        Assert.Equal(Stage.AlarmStaff, policy.Decide(Floor));
        Assert.Equal(Stage.Prompt, policy.Decide(Model));
    }

    [Fact]
    public void Decide_WatchUnreachable_CallsStaff() =>
        Assert.Equal(Stage.AlarmStaff, StagePolicy.Default.Decide(Model, watchReachable: false));
}
