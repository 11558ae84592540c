using CareWatch.Detection;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Tests;

/// <summary>
/// The fixed rule a new installation uses before any model is trained (an empty, migrated database: no model),
/// on a senior's local clock in Shanghai (UTC+8).
/// </summary>
public sealed class DetectorBuilderTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public void Defaults_FixedRuleNightLimit_IsTheLearnedModelsNightFloor()
    {
        var options = new MonitorOptions();

        Assert.Equal(options.SafetyFloorNight, options.StillAlertAfterNight);
    }

    [Fact]
    public async Task BuildAsync_NoModelSleeperStillFrom2230_NoAlertBeforeTheNightLimit()
    {
        var source = await Builder(new MonitorOptions()).BuildAsync([], CancellationToken.None);
        var (detector, version) = (source.Create(), source.ModelVersion);

        // Still from 22:30 local: the day limit (2 h) would alarm at 00:30; the night limit allows 10 h.
        var alertAfter = FirstAlertAfter(detector, LocalToUtc(2026, 3, 2, 22, 30), TimeSpan.FromHours(12));

        Assert.Null(version);
        Assert.Equal(TimeSpan.FromHours(10), alertAfter);
    }

    [Fact]
    public async Task BuildAsync_NoModelStillFrom1400_AlertsAtTheDayLimit()
    {
        var detector = (await Builder(new MonitorOptions()).BuildAsync([], CancellationToken.None)).Create();

        var alertAfter = FirstAlertAfter(detector, LocalToUtc(2026, 3, 2, 14, 0), TimeSpan.FromHours(12));

        Assert.Equal(TimeSpan.FromHours(2), alertAfter);
    }

    [Fact]
    public async Task BuildAsync_NightLimitConfigured_UsedForStillnessBeganAtNight()
    {
        var options = new MonitorOptions { StillAlertAfterNight = TimeSpan.FromHours(3) };
        var detector = (await Builder(options).BuildAsync([], CancellationToken.None)).Create();

        var alertAfter = FirstAlertAfter(detector, LocalToUtc(2026, 3, 3, 2, 0), TimeSpan.FromHours(12));

        Assert.Equal(TimeSpan.FromHours(3), alertAfter);
    }

    private DetectorBuilder Builder(MonitorOptions options)
    {
        var store = new DetectionModelStore(_db.DataSource, TimeProvider.System);
        var models = new DetectionModelProvider(store, TimeProvider.System, NullLogger<DetectionModelProvider>.Instance);
        return new DetectorBuilder(models, Options.Create(options));
    }

    // Ten moving minutes, then still minutes from stillFromUtc on; how long she was still when the first
    // alert came (the end of the alerting minute), or null when none came within the span.
    private static TimeSpan? FirstAlertAfter(IInactivityDetector detector, DateTime stillFromUtc, TimeSpan span)
    {
        for (var t = stillFromUtc.AddMinutes(-10); t < stillFromUtc + span; t = t.AddMinutes(1))
        {
            var moving = t < stillFromUtc;
            var output = detector.Observe(new ActivityMinute(t, t + Shanghai, moving ? 200 : 0, Worn: true));
            if (output.Signal == DetectorSignal.Alert) return t.AddMinutes(1) - stillFromUtc;
        }
        return null;
    }

    private static DateTime LocalToUtc(int year, int month, int day, int hour, int minute) =>
        DateTime.SpecifyKind(new DateTime(year, month, day, hour, minute, 0) - Shanghai, DateTimeKind.Utc);
}
