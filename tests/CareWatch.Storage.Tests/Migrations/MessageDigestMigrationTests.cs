using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Migrations;

public sealed class MessageDigestMigrationTests
{
    private static readonly DateTime Minute0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Migrate_MessageStoredBefore0014_KeptAndItsResendStoresNoMinuteTwice()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        EarlierSchema.MigrateBefore(db.ConnectionString, "0014");
        // Before 0016 a watch needed no bureau; one exists so that 0016 has a home for it.
        await db.ScalarAsync<int>("INSERT INTO bureaus VALUES (gen_random_uuid(), 'B', 'Europe/Berlin', now()) RETURNING 1");
        await db.ScalarAsync<int>("INSERT INTO devices (device_id, primary_key, secondary_key, created_at) VALUES ('w1', 'k1', 'k2', now()) RETURNING 1");
        var batch = new TelemetryBatch(3, 50, false,
            [new MinuteSummary(Minute0, 5, 0, true), new MinuteSummary(Minute0.AddMinutes(1), 6, 0, true)],
            [new DeviceEvent(Minute0, DeviceEventKind.Sos)]);
        await StoreAsBefore0014Async(db, batch);

        await DatabaseMigrator.MigrateAsync(db.ConnectionString);
        var resend = await new TelemetryWriter(db.DataSource).WriteAsync(
            [new IncomingTelemetry("w1", null, batch, Minute0.AddMinutes(5))]);

        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM device_messages WHERE seq = 3 AND digest = '\\x'::bytea"));
        // Taken as new (the old row has no digest to compare), but its minutes and event are still kept once.
        Assert.Equal([true], resend.IsNew);
        Assert.Equal((2, 1), (resend.MinutesAlreadyStored, resend.EventsAlreadyStored));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM minute_activity"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM device_events"));
    }

    // The rows the writer wrote before 0014: no digest column yet.
    private static async Task StoreAsBefore0014Async(TestDatabase db, TelemetryBatch batch)
    {
        await using var cmd = db.DataSource.CreateCommand("""
            INSERT INTO device_messages (device_id, seq, received_at, minute_count, event_count)
            VALUES ('w1', @seq, @received, @minutes, @events);
            INSERT INTO minute_activity (device_id, minute, movement, steps, worn)
            SELECT 'w1', m, 5, 0, true FROM unnest(@minute::timestamptz[]) AS m;
            INSERT INTO device_events (device_id, seq, at, kind) VALUES ('w1', @seq, @at, 'sos');
            """);
        cmd.Parameters.AddWithValue("seq", batch.Seq);
        cmd.Parameters.AddWithValue("received", Minute0.AddMinutes(2));
        cmd.Parameters.AddWithValue("minutes", batch.Minutes.Count);
        cmd.Parameters.AddWithValue("events", batch.Events.Count);
        cmd.Parameters.AddWithValue("minute", batch.Minutes.Select(m => m.Start).ToArray());
        cmd.Parameters.AddWithValue("at", batch.Events[0].At);
        await cmd.ExecuteNonQueryAsync();
    }
}
