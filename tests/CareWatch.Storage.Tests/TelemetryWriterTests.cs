using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

public sealed class TelemetryWriterTests : IAsyncLifetime
{
    private static readonly DateTime Minute0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private TelemetryWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _writer = new TelemetryWriter(_db.DataSource);
        await new DeviceRegistry(_db.DataSource, TimeProvider.System).CreateAsync("w1", null);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task WriteAsync_NewMessage_StoresMinutesEventsAndDeviceState()
    {
        var batch = new TelemetryBatch(1, 64, true, Minutes(Minute0, 3), [new DeviceEvent(Minute0, DeviceEventKind.Sos)]);

        var isNew = await _writer.WriteAsync([Message(batch)]);

        Assert.Equal([true], isNew);
        Assert.Equal(3L, await Count("minute_activity"));
        Assert.Equal(1L, await Count("device_events"));
        Assert.Equal(64, await _db.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = 'w1'"));
        Assert.True(await _db.ScalarAsync<bool>("SELECT charging FROM devices WHERE device_id = 'w1'"));
    }

    [Fact]
    public async Task WriteAsync_DuplicateSeqAcrossCalls_StoredOnce()
    {
        var batch = new TelemetryBatch(7, 50, false, Minutes(Minute0, 2), []);

        var first = await _writer.WriteAsync([Message(batch)]);
        var second = await _writer.WriteAsync([Message(batch)]);

        Assert.Equal([true], first);
        Assert.Equal([false], second);
        Assert.Equal(1L, await Count("device_messages"));
        Assert.Equal(2L, await Count("minute_activity"));
    }

    [Fact]
    public async Task WriteAsync_DuplicateSeqInOneBatch_FirstIsNewSecondIsDuplicate()
    {
        var batch = new TelemetryBatch(9, 50, false, Minutes(Minute0, 2), []);

        var isNew = await _writer.WriteAsync([Message(batch), Message(batch)]);

        Assert.Equal([true, false], isNew);
        Assert.Equal(1L, await Count("device_messages"));
    }

    [Fact]
    public async Task WriteAsync_OverlappingMinutesFromTwoMessages_BatchSucceedsFirstValueKept()
    {
        var replay = new TelemetryBatch(1, 50, false, Minutes(Minute0, 5, movement: 1), []);
        var live = new TelemetryBatch(2, 49, false, Minutes(Minute0.AddMinutes(3), 4, movement: 2), []);

        var isNew = await _writer.WriteAsync([Message(replay), Message(live)]);

        Assert.Equal([true, true], isNew);
        Assert.Equal(7L, await Count("minute_activity"));
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT movement FROM minute_activity WHERE minute = @m",
            ("m", Minute0.AddMinutes(3))));
        Assert.Equal(49, await _db.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = 'w1'"));
    }

    private static IncomingTelemetry Message(TelemetryBatch batch) => new("w1", null, batch, Minute0.AddHours(1));

    private static List<MinuteSummary> Minutes(DateTime from, int count, int movement = 5) =>
        Enumerable.Range(0, count).Select(i => new MinuteSummary(from.AddMinutes(i), movement, 0, true)).ToList();

    private Task<long> Count(string table) => _db.ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
