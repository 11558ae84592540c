using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class TelemetryValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Minute = Now.UtcDateTime.AddMinutes(-1);

    private static TelemetryBatch Batch(int battery = 50, long seq = 1, params MinuteSummary[] minutes) =>
        new(seq, battery, false, minutes.Length == 0 ? [new MinuteSummary(Minute, 10, 5, true)] : minutes, []);

    private static RejectReason Reason(TelemetryBatch batch) => TelemetryValidator.Validate(batch, Now).Reason;

    [Fact]
    public void Validate_TypicalBatch_Ok() => Assert.True(TelemetryValidator.Validate(Batch(), Now).IsValid);

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_BatteryOutOfRange_OutOfRange(int battery) => Assert.Equal(RejectReason.OutOfRange, Reason(Batch(battery)));

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Validate_BatteryAtBounds_Ok(int battery) => Assert.Equal(RejectReason.None, Reason(Batch(battery)));

    [Fact]
    public void Validate_NegativeSeq_OutOfRange() => Assert.Equal(RejectReason.OutOfRange, Reason(Batch(seq: -1)));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(TelemetryLimits.MaxMovement + 1, 0)]
    [InlineData(0, -1)]
    [InlineData(0, TelemetryLimits.MaxStepsPerMinute + 1)]
    public void Validate_MinuteValuesOutOfRange_OutOfRange(int movement, int steps) =>
        Assert.Equal(RejectReason.OutOfRange, Reason(Batch(minutes: new MinuteSummary(Minute, movement, steps, true))));

    [Fact]
    public void Validate_Empty_Malformed() =>
        Assert.Equal(RejectReason.Malformed, Reason(new TelemetryBatch(1, 50, false, [], [])));

    [Fact]
    public void Validate_TooManyMinutes_TooLarge()
    {
        var minutes = Enumerable.Range(0, TelemetryLimits.MaxMinutesPerBatch + 1)
            .Select(i => new MinuteSummary(Minute.AddMinutes(-i), 1, 1, true)).Reverse().ToArray();

        Assert.Equal(RejectReason.TooLarge, Reason(Batch(minutes: minutes)));
    }

    [Fact]
    public void Validate_TooManyEvents_TooLarge()
    {
        var events = Enumerable.Range(0, TelemetryLimits.MaxEventsPerBatch + 1).Select(_ => new DeviceEvent(Minute, DeviceEventKind.Ok)).ToList();

        Assert.Equal(RejectReason.TooLarge, Reason(new TelemetryBatch(1, 50, false, [], events)));
    }

    [Fact]
    public void Validate_MinuteNotOnWholeMinute_BadTimestamp() =>
        Assert.Equal(RejectReason.BadTimestamp, Reason(Batch(minutes: new MinuteSummary(Minute.AddSeconds(30), 1, 1, true))));

    [Fact]
    public void Validate_MinuteTooFarAhead_BadTimestamp() =>
        Assert.Equal(RejectReason.BadTimestamp, Reason(Batch(minutes: new MinuteSummary(Now.UtcDateTime.AddMinutes(6), 1, 1, true))));

    [Fact]
    public void Validate_MinuteSlightlyAhead_Ok() =>
        Assert.Equal(RejectReason.None, Reason(Batch(minutes: new MinuteSummary(Now.UtcDateTime.AddMinutes(4), 1, 1, true))));

    [Fact]
    public void Validate_MinuteOlderThanAWeek_BadTimestamp() =>
        Assert.Equal(RejectReason.BadTimestamp, Reason(Batch(minutes: new MinuteSummary(Now.UtcDateTime.AddDays(-7).AddMinutes(-1), 1, 1, true))));

    [Fact]
    public void Validate_MinutesOutOfOrder_BadTimestamp() =>
        Assert.Equal(RejectReason.BadTimestamp, Reason(Batch(minutes: [new MinuteSummary(Minute, 1, 1, true), new MinuteSummary(Minute.AddMinutes(-1), 1, 1, true)])));

    [Fact]
    public void Validate_RepeatedMinute_BadTimestamp() =>
        Assert.Equal(RejectReason.BadTimestamp, Reason(Batch(minutes: [new MinuteSummary(Minute, 1, 1, true), new MinuteSummary(Minute, 1, 1, true)])));

    [Fact]
    public void Validate_EventInFuture_BadTimestamp() =>
        Assert.Equal(RejectReason.BadTimestamp,
            Reason(new TelemetryBatch(1, 50, false, [], [new DeviceEvent(Now.UtcDateTime.AddHours(1), DeviceEventKind.Sos)])));
}
