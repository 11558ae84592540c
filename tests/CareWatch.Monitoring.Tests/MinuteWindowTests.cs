using CareWatch.Storage;

namespace CareWatch.Monitoring.Tests;

public sealed class MinuteWindowTests
{
    private static readonly DateTime T = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Add_SameMinuteFromTwoWatches_CombinedAndReportedAsChanged()
    {
        var window = new MinuteWindow(TimeSpan.FromDays(1));
        window.Add([new StoredMinute(T, 0, false), new StoredMinute(T.AddMinutes(1), 0, false)], charging: false);

        var changed = window.Add([new StoredMinute(T, 120, true)], charging: false);
        var unchanged = window.Add([new StoredMinute(T, 0, false)], charging: false);

        Assert.Equal((T, (DateTime?)null), (changed!.Value, unchanged));
        Assert.Equal(new StoredMinute(T, 120, true), window.All.First().Minute);
    }

    [Fact]
    public void After_GivenMinute_OnlyLaterMinutesInOrder()
    {
        var window = new MinuteWindow(TimeSpan.FromDays(1));
        window.Add(Enumerable.Range(0, 10).Select(i => new StoredMinute(T.AddMinutes(9 - i), i, true)), charging: false);

        Assert.Equal([T.AddMinutes(7), T.AddMinutes(8), T.AddMinutes(9)], window.After(T.AddMinutes(6)).Select(m => m.Minute.Start));
        Assert.Equal(10, window.After(null).Count());
        Assert.Empty(window.After(T.AddMinutes(9)));
    }

    [Fact]
    public void Add_OlderThanTheSpan_ForgottenAndIgnored()
    {
        var window = new MinuteWindow(TimeSpan.FromHours(1));
        window.Add([new StoredMinute(T, 1, true), new StoredMinute(T.AddHours(2), 1, true)], charging: false);

        var late = window.Add([new StoredMinute(T.AddMinutes(5), 300, true)], charging: false);

        Assert.Null(late);
        Assert.Equal([T.AddHours(2)], window.All.Select(m => m.Minute.Start));
    }
}
