using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;

namespace CareWatch.FirmwareSim.Tests.Scenarios;

public sealed class StillOnsetTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Start = new(2026, 3, 2, 21, 4, 0, DateTimeKind.Utc); // 05:04 in Shanghai

    [Fact]
    public void Abnormal_EveryStartOverThreeDays_BeganWhileUpInTheDayBandAndLongerThanTheLimitsNow()
    {
        // The five demo seniors (seed 42 as the demo runs), started every 17 minutes around the clock.
        for (var watch = 0; watch < 5; watch++)
        {
            var routine = new DailyRoutine(unchecked(42 * 7919 + watch), Shanghai);
            for (var start = Start; start < Start.AddDays(3); start = start.AddMinutes(17))
            {
                var onset = StillOnset.Abnormal(routine, start);
                var local = routine.ToLocal(onset);
                var startsByDay = routine.ToLocal(start).Hour is >= 8 and < 22;

                Assert.True(routine.IsUp(onset), $"up at {local:u} (start {start:u})");
                Assert.InRange(local.Hour, StillOnset.DayStartHour, StillOnset.DayEndHour - 1);
                Assert.True(start - onset >= (startsByDay ? StillOnset.ByDay : StillOnset.AtNight), $"start {start:u}");
                Assert.True(start - onset < TimeSpan.FromDays(1), $"start {start:u}: still since {onset:u}");
            }
        }
    }

    [Fact]
    public void Abnormal_StartAt0504_StillSinceTheAfternoonBeforeAtLeast12Hours()
    {
        var routine = new DailyRoutine(42 * 7919, Shanghai);

        var onset = StillOnset.Abnormal(routine, Start);

        Assert.Equal(Start.AddHours(-12), onset);
        Assert.Equal(17, routine.ToLocal(onset).Hour);
    }

    [Fact]
    public void Decide_StoredOnsetWithinAWeek_KeptWhateverTheOption()
    {
        var routine = new DailyRoutine(1, Shanghai);
        var stored = Start.AddDays(-2);

        var (onset, how) = StillOnset.Decide(stored, minutesAgo: 300, routine, Start);

        Assert.Equal(stored, onset);
        Assert.Contains("kept", how);
    }

    [Fact]
    public void Decide_StoredOnsetOlderThanAWeek_NewOnsetChosen()
    {
        var routine = new DailyRoutine(1, Shanghai);

        var (onset, _) = StillOnset.Decide(Start.AddDays(-8), minutesAgo: null, routine, Start);

        Assert.Equal(StillOnset.Abnormal(routine, Start), onset);
    }

    [Fact]
    public void Decide_NothingStored_MinutesAgoOptionUsed()
    {
        var (onset, how) = StillOnset.Decide(null, minutesAgo: 300, new DailyRoutine(1, Shanghai), Start);

        Assert.Equal(Start.AddMinutes(-300), onset);
        Assert.Contains("--still-onset-minutes-ago", how);
    }
}
