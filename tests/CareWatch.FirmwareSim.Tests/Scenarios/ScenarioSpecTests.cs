using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Tests.Scenarios;

public sealed class ScenarioSpecTests
{
    private static readonly DateTime Start = new(2025, 3, 10, 11, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("0:fall:10", 0, ScenarioKind.Fall, 10, null)]
    [InlineData("3:decline:-4320:7", 3, ScenarioKind.Decline, -4320, 7.0)]
    [InlineData("2:off-wrist:5:30", 2, ScenarioKind.OffWrist, 5, 30.0)]
    [InlineData("1:SOS:0.5", 1, ScenarioKind.Sos, 0.5, null)]
    [InlineData("4:dies:60", 4, ScenarioKind.Dies, 60, null)]
    [InlineData("1:clock:0:-90", 1, ScenarioKind.Clock, 0, -90.0)]
    [InlineData("1:clock:30:600", 1, ScenarioKind.Clock, 30, 600.0)]
    public void Parse_WellFormed_AllParts(string text, int index, ScenarioKind kind, double minutes, double? argument)
    {
        Assert.Equal(new ScenarioSpec(index, kind, minutes, argument), ScenarioSpec.Parse(text));
    }

    [Theory]
    [InlineData("fall:10", "watch-index:kind")]
    [InlineData("x:fall:10", "not a watch index")]
    [InlineData("-1:fall:10", "not a watch index")]
    [InlineData("0:jump:10", "not a scenario")]
    [InlineData("0:1:10", "not a scenario")]
    [InlineData("0:fall:soon", "not a number of minutes")]
    [InlineData("0:sos:10:5", "takes no argument")]
    [InlineData("0:decline:0:-3", "positive")]
    [InlineData("0:clock:0", "needs the error in seconds")]
    [InlineData("0:clock:0:ahead", "not a clock error")]
    [InlineData("0:clock:0:604800", "not a clock error")]
    public void Parse_Malformed_SaysWhatIsWrong(string text, string expected)
    {
        Assert.Contains(expected, Assert.Throws<FormatException>(() => ScenarioSpec.Parse(text)).Message);
    }

    [Fact]
    public void ApplyTo_Fall_FallEventAtStartPlusMinutes()
    {
        var scenario = ScenarioSpec.Parse("0:fall:10").ApplyTo(Scenario.Normal, Start);

        Assert.Equal([new DeviceEvent(Start.AddMinutes(10), DeviceEventKind.Fall)], scenario.Events);
        Assert.Contains(scenario.Phases, p => p.Kind == PhaseKind.Still && p.FromUtc == Start.AddMinutes(11));
    }

    [Fact]
    public void ApplyTo_OffWristWithDuration_EndsAfterIt()
    {
        var scenario = ScenarioSpec.Parse("0:off-wrist:5:30").ApplyTo(Scenario.Normal, Start);

        Assert.Equal(new ScenarioPhase(PhaseKind.OffWrist, Start.AddMinutes(5), Start.AddMinutes(35)), Assert.Single(scenario.Phases));
    }

    [Fact]
    public void ApplyTo_DeclineWithoutArgument_FourteenDays()
    {
        var phase = Assert.Single(ScenarioSpec.Parse("0:decline:0").ApplyTo(Scenario.Normal, Start).Phases);

        Assert.Equal(TimeSpan.FromDays(14), phase.Ramp);
    }

    [Fact]
    public void ApplyTo_DiesSosOk_DeathAndButtonPresses()
    {
        var scenario = new[] { "0:dies:120", "0:sos:5", "0:ok:6" }.Select(ScenarioSpec.Parse)
            .Aggregate(Scenario.Normal, (s, spec) => spec.ApplyTo(s, Start));

        Assert.Equal(Start.AddMinutes(120), scenario.DiesAtUtc);
        Assert.Equal([DeviceEventKind.Sos, DeviceEventKind.Ok], scenario.Events.Select(e => e.Kind));
        Assert.Equal(0, scenario.BatteryAt(new DailyRoutine(1), Start.AddMinutes(120)).Level);
    }
}
