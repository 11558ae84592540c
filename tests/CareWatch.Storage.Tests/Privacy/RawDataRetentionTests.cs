using CareWatch.Protocol;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Privacy;

/// <summary>Raw data older than the cutoff becomes hourly summaries and is gone; newer data stays; reruns change nothing.</summary>
public sealed class RawDataRetentionTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Cutoff = Now.AddDays(-90);
    // Two old hours (the second with two watches, one on the table) and one hour just after the cutoff.
    private static readonly DateTime OldHour = Cutoff.AddHours(-5);

    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("Retention bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Retained Senior", "Europe/Berlin");
        var registry = new DeviceRegistry(_db.DataSource, TimeProvider.System, new MarkedDeviceKeys());
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), "watch-a", _senior.Id);
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), "watch-b", _senior.Id);
        var writer = new TelemetryWriter(_db.DataSource);
        await writer.WriteAsync([
            // Old hour 1: 60 worn minutes, movement 0…59 (31 of them still at a ceiling of 30), 2 steps each.
            Message("watch-a", 1, Enumerable.Range(0, 60).Select(i => new MinuteSummary(OldHour.AddMinutes(i), i, 2, true)),
                [new DeviceEvent(OldHour.AddMinutes(5), DeviceEventKind.Sos), new DeviceEvent(OldHour.AddMinutes(6), DeviceEventKind.Ok)],
                OldHour.AddHours(1)),
            // Old hour 2: watch A worn and still (movement 5), watch B on the table moving (500): A's reading is hers.
            Message("watch-a", 2, Enumerable.Range(0, 30).Select(i => new MinuteSummary(OldHour.AddHours(1).AddMinutes(i), 5, 0, true)),
                [], OldHour.AddHours(2)),
            Message("watch-b", 1, Enumerable.Range(0, 30).Select(i => new MinuteSummary(OldHour.AddHours(1).AddMinutes(i), 500, 9, false)),
                [new DeviceEvent(OldHour.AddHours(1).AddMinutes(1), DeviceEventKind.Fall)], OldHour.AddHours(2)),
            // Just after the cutoff: kept as it is.
            Message("watch-a", 3, Enumerable.Range(0, 60).Select(i => new MinuteSummary(Cutoff.AddMinutes(i), 100, 1, true)),
                [new DeviceEvent(Cutoff.AddMinutes(3), DeviceEventKind.Sos)], Cutoff.AddHours(1)),
        ]);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task ApplyAsync_RowsOlderThanCutoff_SummarisedPerHourAndDeletedNewerUntouched()
    {
        var result = await new RawDataRetention(_db.DataSource).ApplyAsync(Cutoff, stillMovement: 30);

        Assert.Equal((true, 120L, 3L, 3L), (result.Ran, result.MinutesDeleted, result.EventsDeleted, result.MessagesDeleted));
        Assert.Equal(0L, await Count($"minute_activity WHERE minute < @cutoff"));
        Assert.Equal(0L, await Count($"device_events WHERE at < @cutoff"));
        Assert.Equal(0L, await Count($"device_messages WHERE received_at < @cutoff"));
        Assert.Equal(60L, await Count("minute_activity WHERE minute >= @cutoff"));
        Assert.Equal(1L, await Count("device_events WHERE at >= @cutoff"));
        Assert.Equal(1L, await Count("device_messages WHERE received_at >= @cutoff"));
        Assert.Equal(
        [
            // minutes, worn, still (movement <= 30), movement sum, steps sum, sos, fall, ok
            $"{OldHour:O} 60 60 31 {Enumerable.Range(0, 60).Sum()} 120 1 0 1",
            $"{OldHour.AddHours(1):O} 30 30 30 150 0 0 1 0",
        ], await HourlyAsync());
    }

    [Fact]
    public async Task ApplyAsync_Rerun_ChangesNothing()
    {
        var retention = new RawDataRetention(_db.DataSource);
        await retention.ApplyAsync(Cutoff, 30);
        var before = await HourlyAsync();
        var kept = await Count("minute_activity");

        var again = await retention.ApplyAsync(Cutoff.AddMinutes(59), 30); // same hour: rounded down to it

        Assert.Equal((true, 0L, 0L, 0L, 0), (again.Ran, again.MinutesDeleted, again.EventsDeleted, again.MessagesDeleted, again.HoursProcessed));
        Assert.Equal(before, await HourlyAsync());
        Assert.Equal(kept, await Count("minute_activity"));
    }

    [Fact]
    public async Task ApplyAsync_AnotherNodeHoldsTheLock_DoesNothing()
    {
        await using var other = await _db.DataSource.OpenConnectionAsync();
        await using (var take = other.CreateCommand())
        {
            take.CommandText = "SELECT pg_advisory_lock(x'4361726552657465'::bigint)";
            await take.ExecuteNonQueryAsync();
        }

        var result = await new RawDataRetention(_db.DataSource).ApplyAsync(Cutoff, 30);

        Assert.False(result.Ran);
        Assert.Equal(180L, await Count("minute_activity"));
    }

    private Task<long> Count(string from) => _db.ScalarAsync<long>($"SELECT count(*) FROM {from}", ("cutoff", Cutoff));

    private async Task<List<string>> HourlyAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand("""
            SELECT hour, minutes, worn_minutes, still_minutes, movement_sum, steps_sum, sos_events, fall_events, ok_events
            FROM activity_hourly WHERE senior_id = @senior ORDER BY hour
            """);
        cmd.Parameters.AddWithValue("senior", _senior.Id);
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add($"{DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc):O} {r.GetInt32(1)} {r.GetInt32(2)} {r.GetInt32(3)} "
                + $"{r.GetInt64(4)} {r.GetInt64(5)} {r.GetInt32(6)} {r.GetInt32(7)} {r.GetInt32(8)}");
        return rows;
    }

    private IncomingTelemetry Message(string device, long seq, IEnumerable<MinuteSummary> minutes, List<DeviceEvent> events,
        DateTime receivedAt) => new(device, _senior.Id, new TelemetryBatch(seq, 80, false, minutes.ToList(), events), receivedAt);
}
