using System.CommandLine;
using CareWatch.FirmwareSim.Cli;

namespace CareWatch.FirmwareSim.Tests.Cli;

public sealed class SimCliTests
{
    private const string Good = "HostName=hub.test;DeviceId=w1;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static IReadOnlyList<string> Errors(params string[] args) =>
        SimCli.Create(TimeProvider.System).Parse(args).Errors.Select(e => e.Message).ToList();

    [Fact]
    public void Parse_ConnectionStringOnly_NoErrors()
    {
        Assert.Empty(Errors("run", "--connection-string", Good, "--backfill-hours", "24", "--still-watches", "1"));
    }

    [Theory]
    [InlineData("--watches", "0", "--watches must be at least 1")]
    [InlineData("--mqtt-port", "70000", "--mqtt-port must be between 1 and 65535")]
    [InlineData("--batch-seconds", "0", "--batch-seconds must be at least 1")]
    [InlineData("--backfill-hours", "200", "--backfill-hours must be between 0 and 167")]
    [InlineData("--ca-file", "/nonexistent/ca.pem", "does not exist")]
    [InlineData("--still-onset-minutes-ago", "-5", "--still-onset-minutes-ago must be at least 0")]
    [InlineData("--clock-skew-seconds", "-1", "--clock-skew-seconds must be between 0 and 604799")]
    [InlineData("--scenario", "0:clock:0", "clock needs the error in seconds")]
    public void Parse_BadOptionValue_NamesTheOption(string option, string value, string expected)
    {
        Assert.Contains(Errors("run", "--connection-string", Good, option, value), e => e.Contains(expected));
    }

    [Fact]
    public void Parse_NeitherServerNorConnectionString_Error()
    {
        Assert.Contains(Errors("run"), e => e.Contains("either --server"));
    }

    [Fact]
    public void Parse_BothServerAndConnectionString_Error()
    {
        Assert.Contains(Errors("run", "--server", "http://localhost:5000", "--connection-string", Good), e => e.Contains("either --server"));
    }

    [Theory]
    [InlineData("HostName=hub;DeviceId=w1", "SharedAccessKey")]
    [InlineData("HostName=hub;DeviceId=w1;SharedAccessKey=not-base64!", "not base64")]
    public void Parse_BadConnectionString_SaysWhatIsWrong(string connectionString, string expected)
    {
        Assert.Contains(Errors("run", "--connection-string", connectionString), e => e.Contains(expected));
    }

    [Fact]
    public void Parse_ServerNotAUrl_Error()
    {
        Assert.Contains(Errors("run", "--server", "localhost:5000"), e => e.Contains("--server must be an http(s) URL"));
    }

    [Fact]
    public void Parse_MoreStillWatchesThanWatches_Error()
    {
        Assert.Contains(Errors("run", "--server", "http://localhost:5000", "--watches", "2", "--still-watches", "3"),
            e => e.Contains("--still-watches"));
    }

    [Fact]
    public void Parse_IdentitiesWithoutServer_Error()
    {
        Assert.Contains(Errors("run", "--connection-string", Good, "--identities", "ids.json"),
            e => e.Contains("--identities needs --server"));
    }

    [Fact]
    public void Parse_IdentitiesWithServerAndNoOnset_NoErrors()
    {
        Assert.Empty(Errors("run", "--server", "http://localhost:5000", "--still-watches", "1",
            "--identities", "ids.json"));
    }

    [Fact]
    public async Task InvokeAsync_BadOption_NonZeroExitAndMessageOnStderr()
    {
        var error = new StringWriter();

        var exit = await SimCli.Create(TimeProvider.System).Parse(["run", "--watches", "0", "--connection-string", Good])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.NotEqual(0, exit);
        Assert.Contains("--watches must be at least 1", error.ToString());
    }

    [Fact]
    public async Task InvokeAsync_ServerUnreachable_ExitCode2WithClearMessage()
    {
        var error = new StringWriter();
        var url = $"http://127.0.0.1:{Support.InProcessBroker.FreePort()}";

        var exit = await SimCli.Create(TimeProvider.System).Parse(["run", "--server", url])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(RunAction.StartFailed, exit);
        Assert.Contains("cannot reach the CareWatch server", error.ToString());
    }

    [Fact]
    public async Task InvokeAsync_GatewayUnreachable_ExitCode2()
    {
        var error = new StringWriter();
        var port = Support.InProcessBroker.FreePort().ToString();

        var exit = await SimCli.Create(TimeProvider.System)
            .Parse(["run", "--connection-string", Good, "--mqtt-host", "127.0.0.1", "--mqtt-port", port, "--no-tls"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(RunAction.StartFailed, exit);
        Assert.Contains("no watch could connect", error.ToString());
    }

    [Fact]
    public void Parse_Scenarios_NoErrors()
    {
        Assert.Empty(Errors("run", "--connection-string", Good, "--scenario", "0:fall:10", "--scenario", "0:sos:12"));
    }

    [Fact]
    public void Parse_MalformedScenario_NamesIt()
    {
        Assert.Contains(Errors("run", "--connection-string", Good, "--scenario", "0:jump:10"), e => e.Contains("bad --scenario '0:jump:10'"));
    }

    [Fact]
    public void Parse_ScenarioForAWatchBeyondTheFleet_Error()
    {
        Assert.Contains(Errors("run", "--server", "http://localhost:5000", "--watches", "2", "--scenario", "2:dies:5"),
            e => e.Contains("watch index 2 but the fleet has 2"));
    }
}
