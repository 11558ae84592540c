namespace CareWatch.Detection.Tests;

public sealed class DailyActivityTests
{
    private static readonly StillDefinition Still = new(0, 0, 30);

    [Fact]
    public void Summarise_NightRunningPastMidnight_CountsForTheEveningItBeganIn()
    {
        var first = new DateOnly(2026, 3, 1);
        // 22:00–06:00 local still (8 h), then an hour of movement; local = UTC + 8 h.
        var minutes = Run(new DateTime(2026, 3, 1, 22, 0, 0), 480, 0)
            .Concat(Run(new DateTime(2026, 3, 2, 6, 0, 0), 60, 200));

        var days = DailyActivity.Summarise(minutes, Still, first, 3);

        Assert.Equal([480, 0, 0], days.Select(d => d.LongestStillMinutes));
        Assert.Equal([120, 420, 0], days.Select(d => d.WornMinutes));
        Assert.Equal([0, 60, 0], days.Select(d => d.ActiveMinutes));
        Assert.Equal([first, first.AddDays(1), first.AddDays(2)], days.Select(d => d.Date));
    }

    [Fact]
    public void Summarise_GapLongerThanTheTrackersLimitOrUnwornMinute_EndsTheStillPeriod()
    {
        var day = new DateTime(2026, 3, 1, 10, 0, 0);
        var minutes = Run(day, 30, 0)
            .Concat(Run(day.AddMinutes(30 + 16), 20, 0)) // a 16-minute hole: no data is not stillness
            .Concat(Run(day.AddMinutes(70), 1, 0, worn: false))
            .Concat(Run(day.AddMinutes(71), 25, 0));

        var summary = DailyActivity.Summarise(minutes, Still, DateOnly.FromDateTime(day), 1).Single();

        Assert.Equal((30, 75, 0), (summary.LongestStillMinutes, summary.WornMinutes, summary.ActiveMinutes));
    }

    private static IEnumerable<ActivityMinute> Run(DateTime local, int count, int activity, bool worn = true) =>
        Enumerable.Range(0, count).Select(i => new ActivityMinute(
            DateTime.SpecifyKind(local.AddMinutes(i).AddHours(-8), DateTimeKind.Utc), local.AddMinutes(i), activity,
            worn));
}
