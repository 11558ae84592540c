using CareWatch.FirmwareSim.Batching;

namespace CareWatch.FirmwareSim.Tests.Batching;

public sealed class MinuteCursorTests
{
    private static readonly DateTime Start = new(2025, 3, 10, 9, 0, 30, DateTimeKind.Utc);

    [Fact]
    public void TakeCompleted_MidMinute_ExcludesMinuteInProgress()
    {
        var cursor = new MinuteCursor(Start);

        var ranges = cursor.TakeCompleted(new DateTimeOffset(Start.AddMinutes(5).AddSeconds(10), TimeSpan.Zero), 1440);

        var (from, to) = Assert.Single(ranges);
        Assert.Equal(new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2025, 3, 10, 9, 5, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void TakeCompleted_LongGap_SplitsIntoChunksOfAtMostMax()
    {
        var cursor = new MinuteCursor(Start);

        var ranges = cursor.TakeCompleted(new DateTimeOffset(Start.AddMinutes(3000), TimeSpan.Zero), 1440);

        Assert.Equal([1440, 1440, 120], ranges.Select(r => (int)(r.To - r.From).TotalMinutes));
    }

    [Fact]
    public void TakeCompleted_BackfillOfThreeHours_GivesHourChunksOldestFirst()
    {
        var now = new DateTimeOffset(Start, TimeSpan.Zero);
        var cursor = new MinuteCursor(Start.AddHours(-3));

        var ranges = cursor.TakeCompleted(now, 60);

        Assert.Equal(3, ranges.Count);
        Assert.All(ranges, r => Assert.Equal(60, (r.To - r.From).TotalMinutes));
        Assert.True(ranges.Zip(ranges.Skip(1)).All(p => p.First.To == p.Second.From));
    }

    [Fact]
    public void TakeCompleted_CalledRepeatedly_NoOverlapAndNoGap()
    {
        var cursor = new MinuteCursor(Start);
        var first = cursor.TakeCompleted(new DateTimeOffset(Start.AddMinutes(5), TimeSpan.Zero), 1440);

        var again = cursor.TakeCompleted(new DateTimeOffset(Start.AddMinutes(5).AddSeconds(20), TimeSpan.Zero), 1440);
        var next = cursor.TakeCompleted(new DateTimeOffset(Start.AddMinutes(10), TimeSpan.Zero), 1440);

        Assert.Empty(again);
        Assert.Equal(first[^1].To, Assert.Single(next).From);
    }
}
