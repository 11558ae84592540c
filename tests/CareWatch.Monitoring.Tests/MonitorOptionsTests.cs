using CareWatch.Detection.Model;

namespace CareWatch.Monitoring.Tests;

public sealed class MonitorOptionsTests
{
    [Fact]
    public void LearnedOptions_Defaults_AreTheShippedTwoStagePoint() =>
        Assert.Equal(LearnedDetectorOptions.WithCheckIn, new MonitorOptions().LearnedOptions());

    [Fact]
    public void LearnedOptions_CheckInOff_UsesTheSingleStagePoint()
    {
        var options = new MonitorOptions { CheckIn = false }.LearnedOptions();

        Assert.Equal(LearnedDetectorOptions.Default.Alpha, options.Alpha);
        Assert.Null(options.AnsweredAlpha);
    }
}
