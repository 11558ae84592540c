using System.Diagnostics.Metrics;
using CareWatch.Monitoring.Metrics;
using CareWatch.Monitoring.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CareWatch.Monitoring.Tests.Support.MonitorRig;

namespace CareWatch.Monitoring.Tests.Metrics;

/// <summary>
/// The scoring time is recorded once per batch the monitor judges (a restart's replay of a day is one value), and
/// every minute judged is counted: detectors made by <see cref="DetectorBuilder"/> with metrics, in a real monitor.
/// </summary>
public sealed class ScoringMetricsTests : IAsyncLifetime
{
    private static readonly DateTime Morning = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<double> _scores = [];
    private long _minutes;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var factory = _services.GetRequiredService<IMeterFactory>();
        // Only this test's meter: other tests in the process create meters of the same name.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _scores.Add(value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "carewatch.monitor.scoring.minutes") _minutes += value;
        });
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_ReplayOfADay_OneScoreEveryMinuteCounted()
    {
        var rig = new MonitorRig(Morning);
        var day = Minutes(Morning.AddDays(-1).AddMinutes(1), 1439, 200);

        await rig.Monitor.StartAsync(await SourceAsync(), day, default);

        var score = Assert.Single(_scores);
        Assert.InRange(score, double.Epsilon, 0.01); // seconds per minute: far below a millisecond
        Assert.Equal(1439L, _minutes);
    }

    [Fact]
    public async Task ObserveMinutesAsync_BatchOfFive_OneMoreScoreFiveMoreMinutes()
    {
        var rig = new MonitorRig(Morning.AddMinutes(5));
        await rig.Monitor.StartAsync(await SourceAsync(), [], default);

        await rig.Monitor.ObserveMinutesAsync(Minutes(Morning, 5, 200), false, default);

        Assert.Single(_scores); // the start replayed no minute: nothing recorded for it
        Assert.Equal(5L, _minutes);
    }

    private async Task<DetectorSource> SourceAsync()
    {
        var store = new DetectionModelStore(_db.DataSource, TimeProvider.System);
        var models = new DetectionModelProvider(store, TimeProvider.System,
            NullLogger<DetectionModelProvider>.Instance);
        var metrics = new MonitoringMetrics(_services.GetRequiredService<IMeterFactory>());
        var builder = new DetectorBuilder(models, Options.Create(new MonitorOptions()), metrics);
        return await builder.BuildAsync([], default);
    }
}
