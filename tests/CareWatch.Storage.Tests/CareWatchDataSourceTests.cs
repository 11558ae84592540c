using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

public sealed class CareWatchDataSourceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(migrate: false);

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Create_SessionsRunWithoutJit_AndKeepTheOperatorsOptions()
    {
        await using var dataSource = CareWatchDataSource.Create(_db.ConnectionString + ";Options=-c work_mem=8MB");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT current_setting('jit') || ' ' || current_setting('work_mem')";

        Assert.Equal("off 8MB", await cmd.ExecuteScalarAsync());
    }
}
