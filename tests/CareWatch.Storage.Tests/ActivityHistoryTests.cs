using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

/// <summary>Two watches of one senior read back as one stream, by the same rule as <see cref="StoredMinute.Combine"/>.</summary>
public sealed class ActivityHistoryTests : IAsyncLifetime
{
    private static readonly DateTime Minute0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    // (watch A, watch B) readings of the same minute: every combination of worn and which one moves more.
    private static readonly (int Movement, bool Worn)[][] Pairs =
    [
        [(0, false), (150, true)], [(80, false), (0, true)], [(150, true), (0, false)],
        [(10, true), (40, true)], [(40, false), (10, false)], [(0, true), (0, true)],
    ];

    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("Test bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Test Senior", "Europe/Berlin");
        var registry = new DeviceRegistry(_db.DataSource, TimeProvider.System, new MarkedDeviceKeys());
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), "watch-a", _senior.Id);
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), "watch-b", _senior.Id);
        var writer = new TelemetryWriter(_db.DataSource);
        await writer.WriteAsync([Message("watch-a", Pairs.Select(p => p[0]).ToList()), Message("watch-b", Pairs.Select(p => p[1]).ToList())]);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task MinutesSinceAsync_TwoWatches_OneMinutePerMinuteAsCombineSays()
    {
        var read = await new ActivityHistory(_db.DataSource).MinutesSinceAsync(_senior.Id, Minute0);

        Assert.Equal(Expected(), read.Select(Normalised));
    }

    [Fact]
    public async Task AllSinceAsync_TwoWatches_TrainingSeesTheSameStream()
    {
        var all = await new ActivityHistory(_db.DataSource).AllSinceAsync(Minute0);

        var (seniorId, timeZone, minutes) = Assert.Single(all);
        Assert.Equal((_senior.Id, "Europe/Berlin"), (seniorId, timeZone));
        Assert.Equal(Expected(), minutes.Select(Normalised));
    }

    private static IEnumerable<StoredMinute> Expected() => Pairs.Select((p, i) => StoredMinute.Combine(
        new StoredMinute(Minute0.AddMinutes(i), p[0].Movement, p[0].Worn),
        new StoredMinute(Minute0.AddMinutes(i), p[1].Movement, p[1].Worn)));

    private static StoredMinute Normalised(StoredMinute m) => m with { Start = DateTime.SpecifyKind(m.Start, DateTimeKind.Utc) };

    private IncomingTelemetry Message(string device, List<(int Movement, bool Worn)> readings) => new(device, _senior.Id,
        new TelemetryBatch(1, 80, false, readings.Select((r, i) => new MinuteSummary(Minute0.AddMinutes(i), r.Movement, 0, r.Worn)).ToList(), []),
        Minute0.AddHours(1));
}
