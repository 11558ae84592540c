using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Privacy;

/// <summary>Erasure leaves no trace of the senior in any table, keeps the audit trail under a pseudonym, spares the neighbour.</summary>
public sealed class SeniorErasureTests : IAsyncLifetime
{
    private const string Name = "Zenobia Quartermaine";
    private TestDatabase _db = null!;
    private SeniorDataSeed _seed = null!;
    private SeniorErasure _erasure = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _seed = await SeniorDataSeed.CreateAsync(_db, Name);
        _erasure = new SeniorErasure(_db.DataSource, new AuditLog(_db.DataSource, TimeProvider.System));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task EraseAsync_SeniorWithDataEverywhere_NeitherIdNorNameNorRepresentativeInAnyTable()
    {
        Assert.NotEmpty(await DatabaseScan.FindAsync(_db.DataSource, _seed.Senior.Id.ToString(), Name)); // the scan can see

        var result = await _erasure.EraseAsync(TenantScope.Bureau(_seed.Bureau.Id), _seed.Senior.Id, SeniorDataSeed.Supervisor);

        Assert.NotNull(result);
        Assert.Empty(await DatabaseScan.FindAsync(_db.DataSource, _seed.Senior.Id.ToString(), Name, "Rita Vormund",
            _seed.Relative.ToString(), SeniorDataSeed.RelativeName));
        Assert.Equal(1L, result.Rows["users"]);
        Assert.Equal([_seed.Device], result.Devices);
        Assert.Equal(1L, result.Rows["minute_days"]); // her 10 minutes: one watch, one UTC day
        Assert.Equal(1L, result.Rows["seniors"]);
    }

    [Fact]
    public async Task EraseAsync_AuditEntriesAboutHer_KeptUnderOnePseudonymAndErasureRecorded()
    {
        var before = await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var result = await _erasure.EraseAsync(TenantScope.Bureau(_seed.Bureau.Id), _seed.Senior.Id, SeniorDataSeed.Supervisor);

        var entries = await new AuditLog(_db.DataSource, TimeProvider.System).ListAsync(TenantScope.Bureau(_seed.Bureau.Id), new AuditQuery());
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal((AuditActions.SeniorErased.Name, result!.Pseudonym), (entries[0].Action, entries[0].Subject));
        Assert.Equal(3, result.AuditEntriesPseudonymised); // consent recorded, relative checking, device assigned
        var checking = Assert.Single(entries, e => e.Action == "alert.checking");
        Assert.Equal(result.Pseudonym, checking.Actor.Id);
        var consent = Assert.Single(entries, e => e.Action == AuditActions.ConsentRecorded.Name);
        Assert.Equal(result.Pseudonym, consent.Subject);
        var assigned = Assert.Single(entries, e => e.Action == AuditActions.DeviceAssigned.Name && e.Subject == _seed.Device);
        Assert.Contains(result.Pseudonym, assigned.DetailsJson);
    }

    [Fact]
    public async Task EraseAsync_Neighbour_KeepsEverything()
    {
        var neighbourRows = await NeighbourRowsAsync();

        await _erasure.EraseAsync(TenantScope.Bureau(_seed.Bureau.Id), _seed.Senior.Id, SeniorDataSeed.Supervisor);

        Assert.Equal(neighbourRows, await NeighbourRowsAsync());
        Assert.NotEmpty(await DatabaseScan.FindAsync(_db.DataSource, _seed.Neighbour.Id.ToString()));
    }

    [Fact]
    public async Task EraseAsync_AnotherBureau_NullAndNothingErased()
    {
        var result = await _erasure.EraseAsync(TenantScope.Bureau(Guid.NewGuid()), _seed.Senior.Id, SeniorDataSeed.Supervisor);

        Assert.Null(result);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM seniors WHERE id = @id", ("id", _seed.Senior.Id)));
    }

    [Fact]
    public async Task DeletedTables_EverySeniorIdColumnOfTheSchema_IsCovered()
    {
        await using var cmd = _db.DataSource.CreateCommand("""
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND c.column_name = 'senior_id' AND t.table_type = 'BASE TABLE'
            """); // views (minute_activity) hold no rows of their own
        var tables = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) tables.Add(r.GetString(0));

        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.Contains(t, SeniorErasure.DeletedTables.Concat(SeniorErasure.OtherwiseHandledTables)));
    }

    private async Task<string> NeighbourRowsAsync()
    {
        var counts = new List<long>();
        foreach (var table in SeniorErasure.DeletedTables.Append("devices").Append("audit_log"))
            counts.Add(await _db.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE senior_id = @id", ("id", _seed.Neighbour.Id)));
        return string.Join(",", counts);
    }
}
