using CareWatch.FirmwareSim.Device;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.Device;

public sealed class WatchClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Over_NoSteps_IsTheReferenceItself()
    {
        var reference = new FakeTimeProvider(Start);

        Assert.Same(reference, WatchClock.Over(reference, []));
    }

    [Fact]
    public void GetUtcNow_StepInTheFuture_ExactUntilThenOffAfter()
    {
        var reference = new FakeTimeProvider(Start);
        var clock = WatchClock.Over(reference, [new ClockStep(Start.UtcDateTime.AddMinutes(10), TimeSpan.FromSeconds(-90))]);

        Assert.Equal(Start, clock.GetUtcNow());
        reference.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(Start.AddMinutes(10).AddSeconds(-90), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_LaterStep_ReplacesTheEarlierError()
    {
        var reference = new FakeTimeProvider(Start);
        var clock = WatchClock.Over(reference,
        [
            new ClockStep(Start.UtcDateTime.AddHours(1), TimeSpan.FromHours(-2)),
            new ClockStep(DateTime.MinValue, TimeSpan.FromMinutes(3)),
        ]);

        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
        reference.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Start.AddHours(-1), clock.GetUtcNow());
    }

    [Fact]
    public async Task CreateTimer_WrongClock_FiresOnTheReferenceSchedule()
    {
        var reference = new FakeTimeProvider(Start);
        var clock = WatchClock.Over(reference, [new ClockStep(DateTime.MinValue, TimeSpan.FromHours(5))]);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);

        var tick = timer.WaitForNextTickAsync().AsTask();
        reference.Advance(TimeSpan.FromMinutes(4));
        Assert.False(tick.IsCompleted);
        reference.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await tick);
    }
}
