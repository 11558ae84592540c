using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class ClockCorrectionTests
{
    private static readonly DateTimeOffset Arrived = new(2026, 3, 1, 8, 0, 20, TimeSpan.Zero);

    private static TelemetryBatch SentWithError(TimeSpan? error) => new(1, 80, false,
        [new MinuteSummary(new DateTime(2026, 3, 1, 8, 9, 0, DateTimeKind.Utc), 5, 0, true)],
        [new DeviceEvent(new DateTime(2026, 3, 1, 8, 9, 40, DateTimeKind.Utc), DeviceEventKind.Sos)],
        error is { } e ? Arrived.UtcDateTime + e : null);

    [Fact]
    public void Apply_NoSentTime_Unchanged()
    {
        var batch = SentWithError(null);

        Assert.Same(batch, ClockCorrection.Apply(batch, Arrived));
        Assert.Null(ClockCorrection.ErrorOf(batch, Arrived));
    }

    [Fact]
    public void Apply_ErrorUnderAMinute_Unchanged()
    {
        var batch = SentWithError(TimeSpan.FromSeconds(59));

        Assert.Same(batch, ClockCorrection.Apply(batch, Arrived));
    }

    [Fact]
    public void Apply_TenMinutesAndTwentySecondsAhead_MinutesBackTenWholeMinutesEventsBackExactly()
    {
        var corrected = ClockCorrection.Apply(SentWithError(TimeSpan.FromSeconds(620)), Arrived);

        Assert.Equal(new DateTime(2026, 3, 1, 7, 59, 0, DateTimeKind.Utc), corrected.Minutes[0].Start);
        Assert.Equal(new DateTime(2026, 3, 1, 7, 59, 20, DateTimeKind.Utc), corrected.Events[0].At);
        Assert.True(TelemetryValidator.Validate(corrected, Arrived).IsValid);
    }

    [Fact]
    public void Apply_NinetySecondsBehind_MinutesForwardTwoWholeMinutes()
    {
        var corrected = ClockCorrection.Apply(SentWithError(TimeSpan.FromSeconds(-90)), Arrived);

        Assert.Equal(new DateTime(2026, 3, 1, 8, 11, 0, DateTimeKind.Utc), corrected.Minutes[0].Start);
    }

    [Fact]
    public void Apply_ErrorOfAWeek_UnchangedSoTheValidatorRefusesIt()
    {
        var batch = SentWithError(TimeSpan.FromDays(7));

        Assert.Same(batch, ClockCorrection.Apply(batch, Arrived));
    }
}
