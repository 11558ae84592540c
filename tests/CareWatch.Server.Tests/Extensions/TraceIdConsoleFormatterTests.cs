using CareWatch.Server.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWatch.Server.Tests.Extensions;

public sealed class TraceIdConsoleFormatterTests
{
    private static string Write(IExternalScopeProvider? scopes, string message, Exception? ex = null)
    {
        var writer = new StringWriter();
        new TraceIdConsoleFormatter().Write(new LogEntry<string>(LogLevel.Warning, "CareWatch.Test", new EventId(7),
            message, ex, (m, _) => m), scopes, writer);
        return writer.ToString();
    }

    [Fact]
    public void Write_InsideATrace_PrintsTheTraceIdAndNoOtherScope()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var request = scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/respond/s3cret-token" });
        using var trace = scopes.Push(new Dictionary<string, object?>
        {
            ["SpanId"] = "9009b415800cfd50", ["TraceId"] = "ae82982c6acc4bd8ba33b5147bed1ade",
        });

        var text = Write(scopes, "Alert 12 raised");

        Assert.Equal($"warn: CareWatch.Test[7] TraceId=ae82982c6acc4bd8ba33b5147bed1ade{Environment.NewLine}"
            + $"      Alert 12 raised{Environment.NewLine}", text);
        Assert.DoesNotContain("s3cret", text);
    }

    [Fact]
    public void Write_OutsideATrace_PrintsTheSimpleLayoutWithTheExceptionIndented()
    {
        var text = Write(new LoggerExternalScopeProvider(), "Sweep failed", new InvalidOperationException("boom"));

        Assert.StartsWith($"warn: CareWatch.Test[7]{Environment.NewLine}      Sweep failed{Environment.NewLine}"
            + "      System.InvalidOperationException: boom", text);
        Assert.DoesNotContain("TraceId", text);
    }
}
