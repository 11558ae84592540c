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
        var bureau = await new SeniorDirectory(_db.DataSource, TimeProvider.System).AddBureauAsync("Bureau", "Europe/Berlin");
        await new DeviceRegistry(_db.DataSource, TimeProvider.System, new MarkedDeviceKeys()).CreateAsync(TenantScope.Bureau(bureau.Id), "w1", null);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task WriteAsync_NewMessage_StoresMinutesEventsAndDeviceState()
    {
        var batch = new TelemetryBatch(1, 64, true, Minutes(Minute0, 3), [new DeviceEvent(Minute0, DeviceEventKind.Sos)]);

        var result = await _writer.WriteAsync([Message(batch)]);

        Assert.Equal([true], result.IsNew);
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

        Assert.Equal([true], first.IsNew);
        Assert.Equal([false], second.IsNew);
        Assert.Equal(1L, await Count("device_messages"));
        Assert.Equal(2L, await Count("minute_activity"));
    }

    [Fact]
    public async Task WriteAsync_DuplicateSeqInOneBatch_FirstIsNewSecondIsDuplicate()
    {
        var batch = new TelemetryBatch(9, 50, false, Minutes(Minute0, 2), []);

        var result = await _writer.WriteAsync([Message(batch), Message(batch)]);

        Assert.Equal([true, false], result.IsNew);
        Assert.Equal(1L, await Count("device_messages"));
    }

    [Fact]
    public async Task WriteAsync_OverlappingMinutesFromTwoMessages_BatchSucceedsFirstValueKept()
    {
        var replay = new TelemetryBatch(1, 50, false, Minutes(Minute0, 5, movement: 1), []);
        var live = new TelemetryBatch(2, 49, false, Minutes(Minute0.AddMinutes(3), 4, movement: 2), []);

        var result = await _writer.WriteAsync([Message(replay), Message(live)]);

        Assert.Equal([true, true], result.IsNew);
        Assert.Equal(2, result.MinutesAlreadyStored);
        Assert.Equal(7L, await Count("minute_activity"));
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT movement FROM minute_activity WHERE minute = @m",
            ("m", Minute0.AddMinutes(3))));
        Assert.Equal(49, await _db.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = 'w1'"));
    }

    [Fact]
    public async Task WriteAsync_RestartedSeqWithNewMinutes_StoredAsNew()
    {
        var beforeReset = new TelemetryBatch(0, 50, false, Minutes(Minute0, 3, movement: 1), []);
        var afterReset = new TelemetryBatch(0, 90, true, Minutes(Minute0.AddMinutes(30), 2, movement: 7),
            [new DeviceEvent(Minute0.AddMinutes(31), DeviceEventKind.Sos)]);
        await _writer.WriteAsync([Message(beforeReset)]);

        var result = await _writer.WriteAsync([Message(afterReset)]);

        Assert.Equal([true], result.IsNew);
        Assert.Equal(2L, await Count("device_messages"));
        Assert.Equal(5L, await Count("minute_activity"));
        Assert.Equal(7, await _db.ScalarAsync<int>("SELECT movement FROM minute_activity WHERE minute = @m",
            ("m", Minute0.AddMinutes(30))));
        Assert.Equal(1L, await Count("device_events"));
        Assert.Equal(90, await _db.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = 'w1'"));
    }

    [Fact]
    public async Task WriteAsync_ResendWithOtherSentBatteryAndCharging_Duplicate()
    {
        var ok = new DeviceEvent(Minute0, DeviceEventKind.Ok);
        var original = new TelemetryBatch(4, 50, false, Minutes(Minute0, 2), [ok], SentAt: Minute0.AddMinutes(2));
        // What a watch may change when it resends after a lost PUBACK: the send time, and the battery it re-read.
        var resend = original with { SentAt = Minute0.AddMinutes(9), Battery = 48, Charging = true };
        await _writer.WriteAsync([Message(original)]);

        var result = await _writer.WriteAsync([Message(resend)]);

        Assert.Equal([false], result.IsNew);
        Assert.Equal(1L, await Count("device_messages"));
        Assert.Equal(50, await _db.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = 'w1'"));
    }

    [Fact]
    public async Task WriteAsync_ResendCorrectedByAnotherMinute_DuplicateByDigestOfSentBatch()
    {
        // A watch 90 s fast: transit decides whether its error rounds to one minute or two, so the two copies of
        // one message are stored a minute apart unless the digest is taken from the batch as sent.
        var sent = new TelemetryBatch(5, 50, false, Minutes(Minute0, 3), []);
        var digest = TelemetryDigest.Of(sent);
        var firstCopy = Message(sent with { Minutes = Minutes(Minute0.AddMinutes(-1), 3) }) with { Digest = digest };
        var secondCopy = Message(sent with { Minutes = Minutes(Minute0.AddMinutes(-2), 3) }) with { Digest = digest };
        await _writer.WriteAsync([firstCopy]);

        var result = await _writer.WriteAsync([secondCopy]);

        Assert.Equal([false], result.IsNew);
        Assert.Equal(3L, await Count("minute_activity"));
    }

    [Fact]
    public async Task WriteAsync_NewMessageRepeatingStoredMinutesAndEvents_CountsWhatWasAlreadyStored()
    {
        var sos = new DeviceEvent(Minute0.AddMinutes(1), DeviceEventKind.Sos);
        await _writer.WriteAsync([Message(new TelemetryBatch(2, 50, false, Minutes(Minute0, 3), [sos]))]);
        var sameSeqOtherValues = new TelemetryBatch(2, 50, false,
            Minutes(Minute0.AddMinutes(1), 3, movement: 99), [sos]);

        var result = await _writer.WriteAsync([Message(sameSeqOtherValues)]);

        Assert.Equal([true], result.IsNew);
        Assert.Equal((2, 1), (result.MinutesAlreadyStored, result.EventsAlreadyStored));
        Assert.Equal(4L, await Count("minute_activity"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM minute_activity WHERE movement = 99"));
    }

    [Fact]
    public async Task WriteAsync_LaterMessagePartlyRepeatingStoredMinutes_FillsOnlyEmptySlotsOfTheStoredDay()
    {
        await _writer.WriteAsync([Message(new TelemetryBatch(1, 50, false, Minutes(Minute0, 3, movement: 1), []))]);

        var result = await _writer.WriteAsync(
            [Message(new TelemetryBatch(2, 50, false, Minutes(Minute0.AddMinutes(2), 3, movement: 8), []))]);

        Assert.Equal(1, result.MinutesAlreadyStored);
        Assert.Equal(5L, await Count("minute_activity"));
        Assert.Equal(1L, await Count("minute_days"));
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT movement FROM minute_activity WHERE minute = @m",
            ("m", Minute0.AddMinutes(2))));
        Assert.Equal(8, await _db.ScalarAsync<int>("SELECT movement FROM minute_activity WHERE minute = @m",
            ("m", Minute0.AddMinutes(4))));
    }

    [Theory]
    [InlineData(false)] // one run of new minutes: only that slice of the stored arrays is assigned
    [InlineData(true)] // new minutes with a gap: the stored row is read, merged and written whole
    public async Task WriteAsync_NewMinutesIntoAStoredDay_KeepStoredAndAddNewWithTheirValues(bool gap)
    {
        await _writer.WriteAsync([Message(new TelemetryBatch(1, 50, false, Minutes(Minute0, 2, movement: 1), []))]);
        List<MinuteSummary> later =
            [new(Minute0.AddMinutes(5), 40, 7, false), new(Minute0.AddMinutes(gap ? 9 : 6), 41, 8, true)];

        var result = await _writer.WriteAsync([Message(new TelemetryBatch(2, 50, false, later, []))]);

        Assert.Equal(0, result.MinutesAlreadyStored);
        var rows = await _db.ScalarAsync<string>("""
            SELECT string_agg(to_char(minute AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || movement || ' ' || steps || ' ' || worn,
                              ', ' ORDER BY minute)
            FROM minute_activity
            """);
        Assert.Equal($"08:00 1 0 true, 08:01 1 0 true, 08:05 40 7 false, {(gap ? "08:09" : "08:06")} 41 8 true", rows);
    }

    [Fact]
    public async Task WriteAsync_MessageRepeatingOnlyStoredMinutes_LeavesTheDayRowUnwritten()
    {
        await _writer.WriteAsync([Message(new TelemetryBatch(1, 50, false, Minutes(Minute0, 3, movement: 1), []))]);
        var before = await _db.ScalarAsync<string>("SELECT xmin::text FROM minute_days");

        var result = await _writer.WriteAsync(
            [Message(new TelemetryBatch(2, 50, false, Minutes(Minute0, 3, movement: 9), []))]);

        Assert.Equal([true], result.IsNew);
        Assert.Equal(3, result.MinutesAlreadyStored);
        Assert.Equal(before, await _db.ScalarAsync<string>("SELECT xmin::text FROM minute_days"));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOnOneNewDay_KeepEveryMinute()
    {
        // Several transactions find no row for the day and insert it at once: the later ones merge into the first.
        var writes = Enumerable.Range(0, 8).Select(w => Task.Run(() => _writer.WriteAsync(
            [Message(new TelemetryBatch(100 + w, 50, false, Minutes(Minute0.AddMinutes(10 * w), 10, movement: w + 1), []))])));

        await Task.WhenAll(writes);

        Assert.Equal(1L, await Count("minute_days"));
        Assert.Equal(80L, await Count("minute_activity"));
        Assert.Equal(8, await _db.ScalarAsync<int>("SELECT movement FROM minute_activity WHERE minute = @m",
            ("m", Minute0.AddMinutes(79))));
    }

    private static IncomingTelemetry Message(TelemetryBatch batch) => new("w1", null, batch, Minute0.AddHours(1));

    private static List<MinuteSummary> Minutes(DateTime from, int count, int movement = 5) =>
        Enumerable.Range(0, count).Select(i => new MinuteSummary(from.AddMinutes(i), movement, 0, true)).ToList();

    private Task<long> Count(string table) => _db.ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
