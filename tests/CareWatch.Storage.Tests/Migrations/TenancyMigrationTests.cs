using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Migrations;

public sealed class TenancyMigrationTests
{
    [Fact]
    public async Task Migrate_WatchesBefore0016_WornGoToTheSeniorsBureauSparesToTheOldest()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        EarlierSchema.MigrateBefore(db.ConnectionString, "0016");
        await db.ScalarAsync<int>("""
            INSERT INTO bureaus VALUES ('00000000-0000-0000-0000-00000000000a', 'Old', 'UTC', '2026-01-01'),
                                       ('00000000-0000-0000-0000-00000000000b', 'New', 'UTC', '2026-02-01');
            INSERT INTO seniors VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-00000000000b', 'S', 'UTC', now());
            INSERT INTO devices (device_id, senior_id, primary_key, secondary_key, created_at)
            VALUES ('worn', '00000000-0000-0000-0000-0000000000b1', 'k', 'k', now()), ('spare', NULL, 'k', 'k', now());
            SELECT 1
            """);

        await DatabaseMigrator.MigrateAsync(db.ConnectionString);

        Assert.Equal("New", await BureauOfAsync(db, "worn"));
        Assert.Equal("Old", await BureauOfAsync(db, "spare"));
    }

    [Fact]
    public async Task Migrate_SpareWatchWithoutAnyBureau_Deleted()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        EarlierSchema.MigrateBefore(db.ConnectionString, "0016");
        await db.ScalarAsync<int>(
            "INSERT INTO devices (device_id, primary_key, secondary_key, created_at) VALUES ('spare', 'k', 'k', now()) RETURNING 1");

        await DatabaseMigrator.MigrateAsync(db.ConnectionString);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM devices"));
    }

    [Fact]
    public async Task Migrate_WatchOfOneBureauWithSeniorOfAnother_RefusedByTheDatabase()
    {
        await using var db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(db.DataSource, TimeProvider.System);
        var a = await directory.AddBureauAsync("A", "UTC");
        var b = await directory.AddBureauAsync("B", "UTC");
        var senior = await directory.AddSeniorAsync(b.Id, "S", "UTC");
        await new DeviceRegistry(db.DataSource, TimeProvider.System, new MarkedDeviceKeys()).CreateAsync(TenantScope.Bureau(a.Id), "w", null);

        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ScalarAsync<int>(
            "UPDATE devices SET senior_id = @s WHERE device_id = 'w' RETURNING 1", ("s", senior.Id)));

        Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }

    private static Task<string> BureauOfAsync(TestDatabase db, string deviceId) => db.ScalarAsync<string>(
        "SELECT b.name FROM devices d JOIN bureaus b ON b.id = d.bureau_id WHERE d.device_id = @d", ("d", deviceId));
}
