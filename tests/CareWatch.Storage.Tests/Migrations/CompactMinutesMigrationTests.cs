using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Migrations;

public sealed class CompactMinutesMigrationTests
{
    // Two minutes before midnight and two after: two day rows; slot 1 of the first day is missing, not 0.
    private static readonly DateTime Minute0 = new(2026, 3, 1, 23, 57, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Migrate_MinuteRowsBefore0024_SameMinutesReadBackAndAResendStoresNone()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        EarlierSchema.MigrateBefore(db.ConnectionString, "0024");
        var senior = Guid.NewGuid();
        await using (var cmd = db.DataSource.CreateCommand("""
            INSERT INTO minute_activity (device_id, senior_id, minute, movement, steps, worn) VALUES
                ('w1', @senior, @m0, 0, 0, true), ('w1', @senior, @m0 + interval '2 minutes', 100000, 400, false),
                ('w1', @senior, @m0 + interval '3 minutes', 7, 1, true), ('w2', NULL, @m0, 3, 0, false)
            """))
        {
            cmd.Parameters.AddWithValue("senior", senior);
            cmd.Parameters.AddWithValue("m0", Minute0);
            await cmd.ExecuteNonQueryAsync();
        }

        await DatabaseMigrator.MigrateAsync(db.ConnectionString);

        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM minute_days"));
        Assert.Equal(
            ["w1 0 0 True", "w1 2 100000 False", "w1 3 7 True", "w2 0 3 False"],
            await MinutesAsync(db));
        Assert.Equal(Minute0.AddMinutes(3), await db.ScalarAsync<DateTime>(
            "SELECT day + last_minute * interval '1 minute' FROM minute_days WHERE device_id = 'w1' ORDER BY day DESC LIMIT 1"));
        var resend = new TelemetryBatch(1, 50, false,
            [new MinuteSummary(Minute0, 55, 0, true), new MinuteSummary(Minute0.AddMinutes(1), 66, 0, true)], []);
        var result = await new TelemetryWriter(db.DataSource).WriteAsync(
            [new IncomingTelemetry("w1", senior, resend, Minute0.AddMinutes(5))]);
        Assert.Equal(1, result.MinutesAlreadyStored); // minute 0 was stored, minute 1 was missing
        Assert.Equal(0, await db.ScalarAsync<int>(
            "SELECT movement FROM minute_activity WHERE device_id = 'w1' AND minute = @m", ("m", Minute0)));
    }

    private static async Task<List<string>> MinutesAsync(TestDatabase db)
    {
        await using var cmd = db.DataSource.CreateCommand("""
            SELECT device_id, extract(epoch FROM minute - @m0)::int / 60, movement, worn
            FROM minute_activity ORDER BY device_id, minute
            """);
        cmd.Parameters.AddWithValue("m0", Minute0);
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add($"{r.GetString(0)} {r.GetInt32(1)} {r.GetInt32(2)} {r.GetBoolean(3)}");
        return rows;
    }
}
