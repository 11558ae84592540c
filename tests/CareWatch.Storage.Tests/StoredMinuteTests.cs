using CareWatch.Storage;

namespace CareWatch.Storage.Tests;

public sealed class StoredMinuteTests
{
    private static readonly DateTime T = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, false, 150, true, 150, true)] // spare on the table, worn one moving
    [InlineData(80, false, 0, true, 0, true)] // spare bumped, senior lying still: still
    [InlineData(10, true, 40, true, 40, true)] // both worn: the larger movement
    [InlineData(40, false, 10, false, 40, false)] // neither worn
    public void Combine_TwoReadings_WornReadingWinsElseLargerMovement(int m1, bool w1, int m2, bool w2, int movement, bool worn)
    {
        var a = new StoredMinute(T, m1, w1);
        var b = new StoredMinute(T, m2, w2);

        Assert.Equal(new StoredMinute(T, movement, worn), StoredMinute.Combine(a, b));
        Assert.Equal(StoredMinute.Combine(a, b), StoredMinute.Combine(b, a));
    }
}
