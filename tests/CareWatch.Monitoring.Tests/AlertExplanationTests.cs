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

    [Fact]
    public void Inactivity_LearnedModelFacts_NamesModelAndLimitWithoutFrozenDuration()
    {
        var facts = AlertFacts.Parse(new AlertFacts(Detection.AlertTrigger.Model, 130, 100, 3).ToJson())!;

        Assert.Equal("Watch worn, no movement. The learned model (version 3) alerts for this person after 2 h 10 min at this "
            + "hour; their longest normal still period around then is 1 h 40 min.", AlertExplanation.Inactivity(facts));
    }

    [Fact]
    public void Inactivity_FixedRuleFacts_SaysNoModelYet()
    {
        var text = AlertExplanation.Inactivity(new AlertFacts(Detection.AlertTrigger.FixedRule, 120, null, null));

        Assert.Equal("Watch worn, no movement. No learned model yet: the fixed rule alerts after 2 h 00 min without movement.", text);
    }

    [Fact]
    public void Parse_NotFacts_IsNull() => Assert.Null(AlertFacts.Parse("{\"trigger\": 42}"));
}
