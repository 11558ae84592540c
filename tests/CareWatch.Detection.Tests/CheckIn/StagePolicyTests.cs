using CareWatch.Detection.CheckIn;

namespace CareWatch.Detection.Tests.CheckIn;

public sealed class StagePolicyTests
{
    private static readonly InactivityFacts Model = new(AlertTrigger.Model, TimeSpan.FromMinutes(40));
    private static readonly InactivityFacts Floor = new(AlertTrigger.SafetyFloor, TimeSpan.FromHours(4));
    private static readonly InactivityFacts Timer = new(AlertTrigger.FixedRule, TimeSpan.FromHours(1));

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
