using CareWatch.FirmwareSim.Cli;
using CareWatch.FirmwareSim.Tests.Support;

namespace CareWatch.FirmwareSim.Tests.Cli;

public sealed class LoadCommandTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public LoadCommandTests() =>
        File.WriteAllLines(_file, Enumerable.Range(0, 5).Select(i => TestWatches.Connection($"w{i}").ToString()));

    public void Dispose() => File.Delete(_file);

    private IReadOnlyList<string> Errors(params string[] args) =>
        SimCli.Create(TimeProvider.System).Parse(["load", "--connections-file", _file, .. args]).Errors.Select(e => e.Message).ToList();

    [Fact]
    public void Parse_TypicalLoadRun_NoErrors()
    {
        Assert.Empty(Errors("--watches", "3", "--first-watch", "2", "--batch-seconds", "0.5", "--duration-seconds", "30",
            "--source-addresses", "8", "--mqtt-port", "8883", "--connect-parallelism", "128"));
    }

    [Theory]
    [InlineData("--batch-seconds", "0", "--batch-seconds must be greater than 0")]
    [InlineData("--duration-seconds", "-1", "--duration-seconds must be greater than 0")]
    [InlineData("--watches", "0", "--watches must be at least 1")]
    [InlineData("--first-watch", "-1", "--first-watch must be at least 0")]
    [InlineData("--source-addresses", "251", "--source-addresses must be between 0 and 250")]
    [InlineData("--source-address-list", "192.168.1.5", "not an IPv4 loopback address")]
    [InlineData("--connect-parallelism", "0", "--connect-parallelism must be between 1 and 10000")]
    [InlineData("--mqtt-port", "0", "--mqtt-port must be between 1 and 65535")]
    public void Parse_BadValue_NamesTheOption(string option, string value, string expected)
    {
        Assert.Contains(Errors(option, value), e => e.Contains(expected));
    }

    [Fact]
    public void Parse_MissingConnectionsFile_Error()
    {
        var errors = SimCli.Create(TimeProvider.System).Parse(["load", "--connections-file", "/nonexistent/w.txt"]).Errors;

        Assert.Contains(errors, e => e.Message.Contains("does not exist"));
    }

    [Fact]
    public void Parse_BothSourceOptions_Error()
    {
        Assert.Contains(Errors("--source-addresses", "2", "--source-address-list", "127.0.0.2"), e => e.Contains("not both"));
    }

    [Fact]
    public void Slice_SecondProcess_TakesItsLinesSkippingBlanks()
    {
        var lines = File.ReadAllLines(_file).Append("").ToList();

        var slice = LoadAction.Slice(lines, first: 3, count: null);

        Assert.Equal(["w3", "w4"], slice.Select(d => d.DeviceId));
    }

    [Fact]
    public void Slice_MoreThanTheFileHas_FormatException()
    {
        Assert.Throws<FormatException>(() => LoadAction.Slice(File.ReadAllLines(_file), first: 4, count: 2));
    }

    [Fact]
    public void Parse_Register_RequiresCountAndOut()
    {
        var errors = SimCli.Create(TimeProvider.System).Parse(["register", "--server", "http://127.0.0.1:5080"]).Errors;

        Assert.Contains(errors, e => e.Message.Contains("--count"));
        Assert.Contains(errors, e => e.Message.Contains("--out"));
    }

    [Fact]
    public void Parse_RegisterBadPrefix_Error()
    {
        var errors = SimCli.Create(TimeProvider.System)
            .Parse(["register", "--server", "http://127.0.0.1:5080", "--count", "10", "--out", "x", "--prefix", "a/b"]).Errors;

        Assert.Contains(errors, e => e.Message.Contains("--prefix"));
    }
}
