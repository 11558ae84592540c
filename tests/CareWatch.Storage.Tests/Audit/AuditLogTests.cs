using CareWatch.Storage.Audit;
using CareWatch.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareWatch.Storage.Tests.Audit;

/// <summary>The audit log appends, reads a bureau's entries newest first, and refuses to rewrite history.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private static readonly Guid BureauA = Guid.Parse("0000000a-0000-0000-0000-000000000001");
    private static readonly Guid BureauB = Guid.Parse("0000000b-0000-0000-0000-000000000002");
    private static readonly AuditActor Supervisor = new(AuditActorKind.User, "user-1", "sabine");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private AuditLog _log = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _log = new AuditLog(_db.DataSource, _time);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task ListAsync_TwoBureaus_OnlyTheScopesEntriesNewestFirstWithPaging()
    {
        for (var i = 0; i < 5; i++)
        {
            await _log.AppendAsync(new AuditEntry(Supervisor, AuditActions.DeviceCreated, BureauA, $"watch-{i}", null, """{"n":1}"""));
            await _log.AppendAsync(new AuditEntry(Supervisor, AuditActions.DeviceDeleted, BureauB, $"other-{i}"));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await _log.ListAsync(TenantScope.Bureau(BureauA), new AuditQuery(Limit: 3));
        var second = await _log.ListAsync(TenantScope.Bureau(BureauA), new AuditQuery(BeforeId: first[^1].Id, Limit: 3));

        Assert.Equal(["watch-4", "watch-3", "watch-2"], first.Select(e => e.Subject));
        Assert.Equal(["watch-1", "watch-0"], second.Select(e => e.Subject));
        Assert.All(first.Concat(second), e => Assert.Equal((BureauA, "device.created"), (e.BureauId!.Value, e.Action)));
        Assert.Equal(new DateTime(2026, 3, 1, 9, 4, 0, DateTimeKind.Utc), first[0].At);
        Assert.Equal(Supervisor, first[0].Actor);
    }

    [Fact]
    public async Task AppendAsync_EveryActionOfTheVocabulary_AcceptedByTheTable()
    {
        // The table checks the action's form; every name the code can write must pass it (sign-in.failed did not).
        foreach (var action in AuditActions.All.Values.Append(AuditActions.Alert("acknowledged")))
            await _log.AppendAsync(new AuditEntry(new AuditActor(AuditActorKind.User, null, null), action, null, null));

        Assert.Equal(AuditActions.All.Count + 1L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task AppendAsync_InCallersTransactionRolledBack_NothingRecorded()
    {
        await using (var connection = await _db.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await _log.AppendAsync(new AuditEntry(Supervisor, AuditActions.DeviceEnabled, BureauA, "watch-1"), tx);
            await tx.RollbackAsync();
        }

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET subject = 'rewritten'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("SELECT set_config('carewatch.audit_pseudonymise', 'on', false); UPDATE audit_log SET action = 'x.y'")]
    public async Task Rewrite_AnyOrdinaryStatement_RefusedAndEntryUnchanged(string sql)
    {
        await _log.AppendAsync(new AuditEntry(Supervisor, AuditActions.DeviceDisabled, BureauA, "watch-1"));

        var ex = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var cmd = _db.DataSource.CreateCommand(sql);
            await cmd.ExecuteNonQueryAsync();
        });

        Assert.Contains("append-only", ex.MessageText);
        Assert.Equal("watch-1", await _db.ScalarAsync<string>("SELECT subject FROM audit_log WHERE action = 'device.disabled'"));
    }

    [Fact]
    public void Parse_EveryActionAndAnAlertTransition_RoundTrips()
    {
        Assert.All(AuditActions.All.Values, a => Assert.Equal(a, AuditAction.Parse(a.Name)));
        Assert.Equal("alert.acknowledged", AuditAction.Parse("alert.acknowledged").Name);
        Assert.Throws<FormatException>(() => AuditAction.Parse("device.exploded"));
    }
}
