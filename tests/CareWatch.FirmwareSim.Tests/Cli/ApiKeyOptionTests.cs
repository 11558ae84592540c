using System.CommandLine;
using CareWatch.FirmwareSim.Cli;
using CareWatch.FirmwareSim.Tests.Support;

namespace CareWatch.FirmwareSim.Tests.Cli;

public sealed class ApiKeyOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("carewatch-sim-key").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Register_ApiKeyOption_SentWithEveryRequest()
    {
        await using var registry = StubRegistry.Start([(Guid.NewGuid(), "Ann")], _ => null);
        const string key = "cwk_0123456789abcdef_0000000000000000000000000000000000000000000000000000000000000000";

        var exit = await SimCli.Create(TimeProvider.System)
            .Parse(["register", "--server", registry.BaseAddress.ToString(), "--count", "2", "--out", Path.Combine(_dir, "w.txt"),
                "--api-key", key])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

        Assert.Equal(0, exit);
        Assert.Equal(2, registry.Registered);
        Assert.All(registry.ApiKeys, k => Assert.Equal(key, k));
    }

    [Fact]
    public void Parse_ApiKeyWithoutServer_Error()
    {
        var errors = SimCli.Create(TimeProvider.System)
            .Parse(["run", "--connection-string", "HostName=h;DeviceId=w;SharedAccessKey=AAAA", "--api-key", "k"]).Errors;

        Assert.Contains(errors, e => e.Message.Contains("--api-key needs --server"));
    }

    [Fact]
    public void Resolve_GivenKey_WinsOverTheEnvironment() =>
        Assert.Equal("given", ApiKeyOption.Resolve("given"));
}
