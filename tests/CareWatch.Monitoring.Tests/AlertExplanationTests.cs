namespace CareWatch.Monitoring.Tests;

public sealed class AlertExplanationTests
{
    [Theory]
    [InlineData(35, "35 min")]
    [InlineData(100, "1 h 40 min")]
    [InlineData(605, "10 h 05 min")]
    public void Duration_Minutes_ReadsPlainly(int minutes, string expected) =>
        Assert.Equal(expected, AlertExplanation.Duration(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Inactivity_ShanghaiSenior_ShowsLocalClockTime()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var text = AlertExplanation.Inactivity(TimeSpan.FromMinutes(100), new DateTime(2026, 3, 2, 0, 55, 0, DateTimeKind.Utc),
            zone, new MonitorOptions { StillAlertAfter = TimeSpan.FromHours(1) });

        Assert.Equal("Still for 1 h 40 min since 08:55, watch worn. The rule alerts after 1 h 00 min without movement.", text);
    }
}
