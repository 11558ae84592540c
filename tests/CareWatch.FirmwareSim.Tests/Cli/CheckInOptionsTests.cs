using CareWatch.FirmwareSim.Cli;

namespace CareWatch.FirmwareSim.Tests.Cli;

public sealed class CheckInOptionsTests
{
    private const string Good = "HostName=hub.test;DeviceId=w1;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static IReadOnlyList<string> Errors(params string[] args) =>
        SimCli.Create(TimeProvider.System).Parse(["run", "--connection-string", Good, "--connection-string", Good, .. args])
            .Errors.Select(e => e.Message).ToList();

    [Fact]
    public void Parse_OneStillOneDozingWithAnswers_NoErrors() =>
        Assert.Empty(Errors("--still-watches", "1", "--dozing-watches", "1", "--ok-probability", "0.75", "--ok-delay-seconds", "30"));

    [Theory]
    [InlineData("--ok-probability", "1.5", "--ok-probability must be between 0 and 1")]
    [InlineData("--ok-probability", "-0.1", "--ok-probability must be between 0 and 1")]
    [InlineData("--ok-delay-seconds", "-1", "--ok-delay-seconds must be at least 0")]
    [InlineData("--dozing-watches", "-1", "--dozing-watches must be at least 0")]
    public void Parse_BadCheckInValue_NamesTheOption(string option, string value, string expected) =>
        Assert.Contains(Errors(option, value), e => e.Contains(expected));

    [Fact]
    public void Parse_MoreStillAndDozingThanWatches_Error() =>
        Assert.Contains(Errors("--watches", "2", "--still-watches", "1", "--dozing-watches", "2"),
            e => e.Contains("--still-watches plus --dozing-watches cannot exceed --watches (2)"));
}
