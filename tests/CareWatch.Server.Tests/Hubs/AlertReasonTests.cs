using CareWatch.Monitoring;
using CareWatch.Server.Hubs;

namespace CareWatch.Server.Tests.Hubs;

public sealed class AlertReasonTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime Since = new(2026, 3, 2, 9, 5, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Still for 2 h 00 min since 21:43, watch worn. "
        + "The fixed rule alerts after 2 h 00 min without movement.",
        "The fixed rule alerts after 2 h 00 min without movement.")]
    [InlineData("Still for 45 min since 03:10, watch worn. At this hour the longest normal still period is 40 min; "
        + "more than 99.9% of still periods starting around now ended sooner.",
        "At this hour the longest normal still period is 40 min; "
        + "more than 99.9% of still periods starting around now ended sooner.")]
    [InlineData("SOS pressed at 14:02.", "SOS pressed at 14:02.")]
    [InlineData("Something new at 14:02 (3 h 00 min).", "Something new at 14:02 (3 h 00 min).")]
    public void WithoutFrozenDurations_DetectorAndEventSentences_DropsOnlyTheStillForSentence(
        string stored, string reason) => Assert.Equal(reason, AlertReason.WithoutFrozenDurations(stored));

    [Fact]
    public void WithoutFrozenDurations_DeviceHealthSentences_KeepSinceWhenAndDropHowLong()
    {
        var until = Since.AddMinutes(130);

        Assert.Equal("Watch not worn since 10:05: inactivity cannot be watched until it is back on the wrist.",
            AlertReason.WithoutFrozenDurations(AlertExplanation.NotWorn(Since, until, Berlin)));
        Assert.Equal("Watch on its charger since 10:05 instead of on the wrist.",
            AlertReason.WithoutFrozenDurations(AlertExplanation.LeftCharging(Since, until, Berlin)));
        Assert.Equal("No data from the watch since 10:05: check its battery and the home's connection.",
            AlertReason.WithoutFrozenDurations(AlertExplanation.Offline(Since, until, Berlin)));
    }
}
