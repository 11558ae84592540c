using System.Text;
using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class TelemetryJsonTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static TelemetryBatch? Parse(string json, out string? error) => TelemetryJson.TryParse(Encoding.UTF8.GetBytes(json), out error);

    [Fact]
    public void Serialize_ThenTryParse_RoundTrips()
    {
        var batch = new TelemetryBatch(42, 77, true,
            [new MinuteSummary(T0, 120, 30, true), new MinuteSummary(T0.AddMinutes(1), 0, 0, false)],
            [new DeviceEvent(T0.AddSeconds(20), DeviceEventKind.Fall), new DeviceEvent(T0.AddSeconds(40), DeviceEventKind.Ok)]);

        var parsed = TelemetryJson.TryParse(TelemetryJson.Serialize(batch), out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(batch.Seq, parsed.Seq);
        Assert.Equal(batch.Battery, parsed.Battery);
        Assert.Equal(batch.Charging, parsed.Charging);
        Assert.Equal(batch.Minutes, parsed.Minutes);
        Assert.Equal(batch.Events, parsed.Events);
        Assert.All(parsed.Minutes, m => Assert.Equal(DateTimeKind.Utc, m.Start.Kind));
    }

    [Fact]
    public void Serialize_SentTime_RoundTripsAsUtcAndIsOptional()
    {
        var batch = new TelemetryBatch(1, 50, false, [new MinuteSummary(T0, 1, 0, true)], [], T0.AddSeconds(75));

        var parsed = TelemetryJson.TryParse(TelemetryJson.Serialize(batch), out _);
        var without = Parse("""{"seq":1,"battery":50,"charging":false,"minutes":[{"t":"2026-03-01T08:00:00Z","move":1,"steps":0,"worn":true}]}""", out _);

        Assert.Equal(T0.AddSeconds(75), parsed!.SentAt);
        Assert.Equal(DateTimeKind.Utc, parsed.SentAt!.Value.Kind);
        Assert.Null(without!.SentAt);
    }

    [Fact]
    public void Serialize_ShortFieldNames_AsDocumented()
    {
        var json = Encoding.UTF8.GetString(TelemetryJson.Serialize(
            new TelemetryBatch(1, 50, false, [new MinuteSummary(T0, 1, 2, true)], [new DeviceEvent(T0, DeviceEventKind.Sos)])));

        Assert.Contains("\"seq\":1", json);
        Assert.Contains("\"minutes\":[{\"t\":", json);
        Assert.Contains("\"move\":1", json);
        Assert.Contains("\"kind\":\"sos\"", json);
    }

    [Fact]
    public void TryParse_TimestampWithoutOffset_TakenAsUtc()
    {
        var batch = Parse("""{"seq":1,"battery":5,"charging":false,"minutes":[{"t":"2026-03-01T08:00:00","move":1,"steps":0,"worn":true}]}""", out _);

        Assert.Equal(T0, batch!.Minutes[0].Start);
        Assert.Equal(DateTimeKind.Utc, batch.Minutes[0].Start.Kind);
    }

    [Fact]
    public void TryParse_TimestampWithOffset_ConvertedToUtc()
    {
        var batch = Parse("""{"seq":1,"battery":5,"charging":false,"minutes":[{"t":"2026-03-01T09:00:00+01:00","move":1,"steps":0,"worn":true}]}""", out _);

        Assert.Equal(T0, batch!.Minutes[0].Start);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"battery":5,"charging":false}""")]
    [InlineData("""{"seq":1,"charging":false}""")]
    [InlineData("""{"seq":1,"battery":5}""")]
    [InlineData("""{"seq":"one","battery":5,"charging":false}""")]
    [InlineData("""{"seq":1,"battery":5,"charging":false,"minutes":[{"t":"2026-03-01T08:00:00Z","move":1,"worn":true}]}""")]
    [InlineData("""{"seq":1,"battery":5,"charging":false,"minutes":[null]}""")]
    [InlineData("""{"seq":1,"battery":5,"charging":false,"events":[{"t":"2026-03-01T08:00:00Z","kind":"party"}]}""")]
    [InlineData("""{"seq":1,"battery":5,"charging":false,"events":[{"t":"2026-03-01T08:00:00Z","kind":"1"}]}""")]
    [InlineData("""{"seq":1,"battery":5,"charging":false,"events":[{"kind":"sos"}]}""")]
    public void TryParse_Malformed_NullWithError(string json)
    {
        var batch = Parse(json, out var error);

        Assert.Null(batch);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryParse_KindCaseInsensitive_Parsed()
    {
        var batch = Parse("""{"seq":1,"battery":5,"charging":false,"events":[{"t":"2026-03-01T08:00:00Z","kind":"SOS"}]}""", out _);

        Assert.Equal(DeviceEventKind.Sos, batch!.Events[0].Kind);
    }
}
