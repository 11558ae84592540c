using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryScriptOnceAndRecordsThem()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var first = await DatabaseMigrator.MigrateAsync(db.ConnectionString);
        var second = await DatabaseMigrator.MigrateAsync(db.ConnectionString);

        Assert.Equal(DatabaseMigrator.KnownScripts(), first);
        Assert.Empty(second);
        Assert.Equal(DatabaseMigrator.KnownScripts(), await DatabaseMigrator.AppliedScriptsAsync(db.DataSource));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
    }

    [Fact]
    public async Task MigrateAsync_TwoNodesAtOnce_BothSucceedAndScriptsApplyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var results = await Task.WhenAll(
            DatabaseMigrator.MigrateAsync(db.ConnectionString),
            DatabaseMigrator.MigrateAsync(db.ConnectionString));

        Assert.Equal(DatabaseMigrator.KnownScripts().Count, results.Sum(r => r.Count));
        Assert.Equal(DatabaseMigrator.KnownScripts().Count,
            await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }
}
