using CareWatch.Monitoring.Escalation;

namespace CareWatch.Monitoring.Tests.Escalation;

public sealed class QuietHoursTests
{
    private static readonly TimeOnly Ten = new(22, 0);
    private static readonly TimeOnly Seven = new(7, 0);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void NotBefore_NoQuietHoursOrEmptyWindow_GoesNow()
    {
        Assert.Null(QuietHours.NotBefore(Utc(3, 1, 23), null, null, "Europe/Berlin"));
        Assert.Null(QuietHours.NotBefore(Utc(3, 1, 23), Ten, Ten, "Europe/Berlin"));
    }

    [Fact]
    public void NotBefore_OverMidnight_HeldUntilTheLocalEnd()
    {
        // 23:30 in Berlin (UTC+1 in winter) is 22:30 UTC; quiet until 07:00 local = 06:00 UTC the next day.
        Assert.Equal(Utc(1, 16, 6), QuietHours.NotBefore(Utc(1, 15, 22, 30), Ten, Seven, "Europe/Berlin"));
        // 05:00 local, after midnight: the same morning.
        Assert.Equal(Utc(1, 16, 6), QuietHours.NotBefore(Utc(1, 16, 4), Ten, Seven, "Europe/Berlin"));
        // 12:00 local: not quiet.
        Assert.Null(QuietHours.NotBefore(Utc(1, 16, 11), Ten, Seven, "Europe/Berlin"));
    }

    [Fact]
    public void NotBefore_SameDayWindow_EndIsExclusive()
    {
        var from = new TimeOnly(13, 0);
        var until = new TimeOnly(15, 0);

        Assert.Equal(Utc(7, 1, 15), QuietHours.NotBefore(Utc(7, 1, 13), from, until, "UTC"));
        Assert.Null(QuietHours.NotBefore(Utc(7, 1, 15), from, until, "UTC"));
        Assert.Null(QuietHours.NotBefore(Utc(7, 1, 12, 59), from, until, "UTC"));
    }

    [Fact]
    public void NotBefore_EndInTheSpringForwardGap_FirstMinuteAfterIt()
    {
        // Berlin skips 02:00–03:00 on 29 March 2026; quiet hours ending 02:30 end at 03:00 local (01:00 UTC).
        Assert.Equal(Utc(3, 29, 1), QuietHours.NotBefore(Utc(3, 28, 23), Ten, new TimeOnly(2, 30), "Europe/Berlin"));
    }

    [Fact]
    public void NotBefore_UnknownZone_CountsInUtc()
    {
        Assert.Equal(Utc(1, 16, 7), QuietHours.NotBefore(Utc(1, 15, 23), Ten, Seven, "Mars/Olympus"));
    }
}
