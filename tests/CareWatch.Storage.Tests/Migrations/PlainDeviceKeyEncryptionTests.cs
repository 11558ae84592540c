using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Migrations;

public sealed class PlainDeviceKeyEncryptionTests
{
    private readonly MarkedDeviceKeys _keys = new();

    [Fact]
    public async Task RunAsync_RowsStoredBefore0017_KeysProtectedPlainColumnsNulledAndReadable()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        EarlierSchema.MigrateBefore(db.ConnectionString, "0017");
        await InsertPlainAsync(db, "w1", "primary-1", "secondary-1");
        await InsertPlainAsync(db, "w2", "primary-2", "secondary-2");
        await DatabaseMigrator.MigrateAsync(db.ConnectionString);
        var encryption = new PlainDeviceKeyEncryption(db.DataSource, _keys);

        var first = await encryption.RunAsync();
        var second = await encryption.RunAsync();
        var w1 = await new DeviceRegistry(db.DataSource, TimeProvider.System, _keys).FindForGatewayAsync("w1");

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM devices WHERE primary_key IS NOT NULL OR secondary_key IS NOT NULL"));
        Assert.Equal(_keys.Protect("primary-2"), await db.ScalarAsync<string>(
            "SELECT primary_key_protected FROM devices WHERE device_id = 'w2'"));
        Assert.Equal(("primary-1", "secondary-1"), (w1!.PrimaryKey, w1.SecondaryKey));
    }

    [Fact]
    public async Task RunAsync_PlainKeyWrittenByOldNodeAfterEncryption_PlainKeyWins()
    {
        await using var db = await TestDatabase.CreateAsync();
        var registry = new DeviceRegistry(db.DataSource, TimeProvider.System, _keys);
        var created = (await registry.CreateAsync(await BureauAsync(db), "w1", null))!;
        // What a node of the old version does when it regenerates the primary key.
        await using (var old = db.DataSource.CreateCommand(
            "UPDATE devices SET primary_key = 'regenerated-by-old-node' WHERE device_id = 'w1'"))
        {
            await old.ExecuteNonQueryAsync();
        }

        await new PlainDeviceKeyEncryption(db.DataSource, _keys).RunAsync();
        var after = await registry.FindForGatewayAsync("w1");

        Assert.Equal(("regenerated-by-old-node", created.SecondaryKey), (after!.PrimaryKey, after.SecondaryKey));
    }

    [Fact]
    public async Task Create_NewDevice_NoPlainKeyStored()
    {
        await using var db = await TestDatabase.CreateAsync();

        var created = await new DeviceRegistry(db.DataSource, TimeProvider.System, _keys).CreateAsync(await BureauAsync(db), "w1", null);

        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM devices WHERE primary_key IS NOT NULL OR secondary_key IS NOT NULL"));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM devices WHERE primary_key_protected = @k OR secondary_key_protected = @k",
            ("k", created!.PrimaryKey)));
    }

    private static async Task InsertPlainAsync(TestDatabase db, string id, string primary, string secondary)
    {
        await using var cmd = db.DataSource.CreateCommand("""
            WITH b AS (INSERT INTO bureaus VALUES (gen_random_uuid(), 'Old bureau', 'Europe/Berlin', now()) RETURNING id)
            INSERT INTO devices (device_id, bureau_id, primary_key, secondary_key, created_at)
            SELECT @id, b.id, @pk, @sk, now() FROM b
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("pk", primary);
        cmd.Parameters.AddWithValue("sk", secondary);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<TenantScope> BureauAsync(TestDatabase db) =>
        TenantScope.Bureau((await new SeniorDirectory(db.DataSource, TimeProvider.System).AddBureauAsync("B", "Europe/Berlin")).Id);
}
