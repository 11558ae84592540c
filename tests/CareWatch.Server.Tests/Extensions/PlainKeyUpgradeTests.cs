using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>A database from before migration 0017 (plain device keys) meets the new server.</summary>
public sealed class PlainKeyUpgradeTests
{
    [Fact]
    public async Task Start_WatchStoredWithPlainKeys_KeysEncryptedAndTheWatchStillConnects()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        EarlierSchema.MigrateBefore(db.ConnectionString, "0017");
        var key = DeviceConnectionString.NewKey();
        await using (var cmd = db.DataSource.CreateCommand("""
            WITH b AS (INSERT INTO bureaus VALUES (gen_random_uuid(), 'Old bureau', 'Europe/Berlin', now()) RETURNING id)
            INSERT INTO devices (device_id, bureau_id, primary_key, secondary_key, created_at)
            SELECT 'w-old', b.id, @pk, @sk, now() FROM b
            """))
        {
            cmd.Parameters.AddWithValue("pk", key);
            cmd.Parameters.AddWithValue("sk", DeviceConnectionString.NewKey());
            await cmd.ExecuteNonQueryAsync();
        }

        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        // Ready means migrated and the plain keys encrypted (the device-keys check).
        await server.WaitUntilReadyAsync();
        await DataProtectionTests.SendOneMinuteAsync(server,
            new DeviceConnectionString("localhost", "w-old", key).ToString());

        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM devices WHERE primary_key IS NOT NULL OR secondary_key IS NOT NULL
               OR primary_key_protected IS NULL OR strpos(primary_key_protected, @k) > 0
            """, ("k", key)));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM minute_activity WHERE device_id = 'w-old'"));
    }
}
