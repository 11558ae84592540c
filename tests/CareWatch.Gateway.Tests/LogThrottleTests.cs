using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.Gateway.Tests;

public sealed class LogThrottleTests
{
    private const string Template = "Device registry unavailable while {DeviceId} connected";
    private readonly CapturedLogs _logs = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private LogThrottle Throttle() => new(_logs.CreateLogger("test"), _clock, TimeSpan.FromSeconds(30));

    private static Exception Refused() => new InvalidOperationException("Failed to connect",
        new System.Net.Sockets.SocketException(111));

    [Fact]
    public void Log_FirstOccurrence_WrittenAtOnceWithItsException()
    {
        using var throttle = Throttle();
        var error = Refused();

        throttle.Log(LogLevel.Warning, "registry", error, Template, "w-1");

        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("Device registry unavailable while w-1 connected", entry.Message);
        Assert.Same(error, entry.Exception);
    }

    [Fact]
    public void Log_RepeatsWithinTheWindow_OneSummaryWithCountAndNoStackTraceWhenItCloses()
    {
        using var throttle = Throttle();

        throttle.Log(LogLevel.Warning, "registry", Refused(), Template, "w-1");
        for (var i = 2; i <= 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            throttle.Log(LogLevel.Warning, "registry", Refused(), Template, $"w-{i}");
        }
        var beforeWindowCloses = _logs.Entries.Count;
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, beforeWindowCloses);
        var summary = _logs.Entries.Last();
        // The summary quotes the latest occurrence.
        Assert.Equal("Device registry unavailable while w-5 connected (repeated 4 times in the last 30 s)",
            summary.Message);
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Null(summary.Exception);
    }

    [Fact]
    public void Log_OutageGoesOn_OneSummaryPerWindow()
    {
        using var throttle = Throttle();

        throttle.Log(LogLevel.Warning, "registry", Refused(), Template, "w-1");
        for (var second = 1; second <= 90; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            throttle.Log(LogLevel.Warning, "registry", Refused(), Template, "w-1");
        }

        // In full at 0 s, then a summary when each window closes (30, 60, 90 s); each second's repeat is logged just
        // after the clock reached it, so the one at 30 s already counts towards the second window.
        Assert.Equal(["Device registry unavailable while w-1 connected",
            "Device registry unavailable while w-1 connected (repeated 29 times in the last 30 s)",
            "Device registry unavailable while w-1 connected (repeated 30 times in the last 30 s)",
            "Device registry unavailable while w-1 connected (repeated 30 times in the last 30 s)"],
            _logs.Entries.Select(e => e.Message).ToList());
        Assert.Single(_logs.Entries, e => e.Exception is not null);
    }

    [Fact]
    public void Log_AfterAQuietWindow_NextOccurrenceWrittenInFullAgain()
    {
        using var throttle = Throttle();

        throttle.Log(LogLevel.Warning, "registry", Refused(), Template, "w-1");
        _clock.Advance(TimeSpan.FromSeconds(30)); // nothing repeated: the episode is over
        throttle.Log(LogLevel.Warning, "registry", Refused(), Template, "w-2");

        Assert.Equal(2, _logs.Entries.Count);
        Assert.All(_logs.Entries, e => Assert.NotNull(e.Exception));
    }

    [Fact]
    public void Log_DifferentFailureUnderTheSameKey_WrittenInFull()
    {
        using var throttle = Throttle();

        throttle.Log(LogLevel.Warning, "registry", Refused(), Template, "w-1");
        var timeout = new TimeoutException("PostgreSQL did not answer within 5 s");
        throttle.Log(LogLevel.Warning, "registry", timeout, Template, "w-2");
        throttle.Log(LogLevel.Warning, "other", Refused(), Template, "w-3");

        Assert.Equal(3, _logs.Entries.Count);
        Assert.All(_logs.Entries, e => Assert.NotNull(e.Exception));
    }

    [Fact]
    public void Dispose_RepeatsStillCounted_WrittenAsSummary()
    {
        var throttle = Throttle();
        throttle.Log(LogLevel.Error, "batch", Refused(), "Could not store a batch of {Count} messages", 12);
        throttle.Log(LogLevel.Error, "batch", Refused(), "Could not store a batch of {Count} messages", 7);

        throttle.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["Could not store a batch of 12 messages",
            "Could not store a batch of 7 messages (repeated 1 times in the last 30 s)"],
            _logs.Entries.Select(e => e.Message).ToList());
    }
}
