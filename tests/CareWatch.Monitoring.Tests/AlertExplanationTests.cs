namespace CareWatch.Monitoring.Tests;

public sealed class AlertExplanationTests
{
    [Theory]
    [InlineData(AlertKinds.Sos, "SOS pressed at 08:55.")]
    [InlineData(AlertKinds.Fall, "Watch detected a fall at 08:55.")]
    public void ButtonOrFall_ShanghaiSenior_ShowsLocalClockTime(string kind, string expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        Assert.Equal(expected, AlertExplanation.ButtonOrFall(kind, new DateTime(2026, 3, 2, 0, 55, 0, DateTimeKind.Utc), zone));
    }
}
