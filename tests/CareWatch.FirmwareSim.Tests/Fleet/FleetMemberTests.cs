using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.FirmwareSim.Tests.Support;

namespace CareWatch.FirmwareSim.Tests.Fleet;

public sealed class FleetMemberTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 6, 0, 30, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromHours(167);

    [Fact]
    public void BackfillStart_NothingStored_TheWholeBackfillFromAWholeMinute()
    {
        Assert.Equal(new DateTime(2026, 2, 23, 7, 0, 0, DateTimeKind.Utc), Member(null).BackfillStart(Now, Week));
    }

    [Fact]
    public void BackfillStart_ServerStoresUpToTenMinutesAgo_TheMinuteAfterTheNewest()
    {
        var newest = new DateTime(2026, 3, 2, 5, 50, 0, DateTimeKind.Utc);

        Assert.Equal(newest.AddMinutes(1), Member(newest).BackfillStart(Now, Week));
    }

    [Fact]
    public void BackfillStart_ServerHasOnlyMinutesOlderThanTheBackfill_TheWholeBackfill()
    {
        Assert.Equal(Member(null).BackfillStart(Now, Week), Member(Now.AddDays(-10)).BackfillStart(Now, Week));
    }

    [Fact]
    public void BackfillStart_ServerHasTheMinuteInProgress_NothingBeforeTheNextMinute()
    {
        var current = new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);

        Assert.Equal(current.AddMinutes(1), Member(current).BackfillStart(Now, Week));
    }

    private static FleetMember Member(DateTime? lastStored) =>
        new(TestWatches.Connection(), new DailyRoutine(1), Scenario.Normal) { LastStoredMinute = lastStored };
}
