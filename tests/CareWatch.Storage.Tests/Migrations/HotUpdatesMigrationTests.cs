using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Migrations;

public sealed class HotUpdatesMigrationTests
{
    [Fact]
    public async Task Migrate_TablesUpdatedPerMessage_LeaveRoomOnTheirPagesForHotUpdates()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal("devices fillfactor=50, minute_days fillfactor=90", await db.ScalarAsync<string>("""
            SELECT string_agg(relname || ' ' || array_to_string(reloptions, ','), ', ' ORDER BY relname)
            FROM pg_class WHERE relname IN ('devices', 'minute_days')
            """));
    }
}
