using CareWatch.Storage.Contacts;
using CareWatch.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.Storage.Tests.Contacts;

public sealed class ContactStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;
    private SeniorRecord _theirs = null!;
    private ContactStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("Contacts bureau", "Europe/Berlin");
        var other = await directory.AddBureauAsync("Other bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Contact Senior", "Europe/Berlin");
        _theirs = await directory.AddSeniorAsync(other.Id, "Their Senior", "Europe/Berlin");
        _store = new ContactStore(_db.DataSource, new FakeTimeProvider(T0));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private TenantScope Scope => TenantScope.Bureau(_senior.BureauId);

    private static ContactInput Daughter(int order = 1) => new("  Anna Keller ", "daughter", "de", "anna@example.org", null,
        order, ["email"], new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Fact]
    public async Task CreateAsync_ThenList_InChainOrderAndTrimmed()
    {
        var second = await _store.CreateAsync(Scope, _senior.Id, new ContactInput("Ben", "neighbour", "en", null,
            "+49 170 1234", 2, ["webhook"], null, null));
        var first = await _store.CreateAsync(Scope, _senior.Id, Daughter());

        Assert.Equal(ContactWriteStatus.Stored, first.Status);
        var list = await _store.ListAsync(Scope, _senior.Id);
        Assert.Equal([first.Contact!.Id, second.Contact!.Id], list!.Select(c => c.Id));
        var anna = list![0];
        Assert.Equal("Anna Keller", anna.Name);
        Assert.Equal(["email"], anna.Channels);
        Assert.Equal(new TimeOnly(22, 0), anna.QuietFrom);
        Assert.Equal(T0.UtcDateTime, anna.CreatedAt);
        Assert.Null(list[1].Email);
        Assert.Equal("+49 170 1234", list[1].Phone);
    }

    [Fact]
    public async Task ListAsync_SeniorWithoutContactsOrOutOfScope_EmptyOrNull()
    {
        Assert.Empty((await _store.ListAsync(Scope, _senior.Id))!);
        Assert.Null(await _store.ListAsync(Scope, _theirs.Id));
        Assert.Null(await _store.ListAsync(Scope, Guid.NewGuid()));
    }

    [Fact]
    public async Task ListAsync_TheSeniorsOwnScope_SeesThem()
    {
        await _store.CreateAsync(Scope, _senior.Id, Daughter());

        Assert.Single((await _store.ListAsync(TenantScope.Senior(_senior.Id), _senior.Id))!);
        Assert.Null(await _store.ListAsync(TenantScope.Senior(_theirs.Id), _senior.Id));
    }

    [Fact]
    public async Task CreateAsync_OrderTakenOrAnotherBureausSenior_IsRefused()
    {
        await _store.CreateAsync(Scope, _senior.Id, Daughter());

        var taken = await _store.CreateAsync(Scope, _senior.Id, Daughter());
        var foreign = await _store.CreateAsync(Scope, _theirs.Id, Daughter());

        Assert.Equal(ContactWriteStatus.OrderTaken, taken.Status);
        Assert.Equal(ContactWriteStatus.NotFound, foreign.Status);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM senior_contacts WHERE senior_id = @s", ("s", _theirs.Id)));
    }

    [Fact]
    public async Task UpdateAsync_ReplacesTheContact_OnlyInScope()
    {
        var anna = (await _store.CreateAsync(Scope, _senior.Id, Daughter())).Contact!;
        var changed = new ContactInput("Anna Keller", "daughter", "zh", null, "+86 10 1234", 3, ["webhook"], null, null);

        var foreign = await _store.UpdateAsync(TenantScope.Bureau(_theirs.BureauId), _senior.Id, anna.Id, changed);
        var wrongSenior = await _store.UpdateAsync(TenantScope.Bureau(_theirs.BureauId), _theirs.Id, anna.Id, changed);
        var stored = await _store.UpdateAsync(Scope, _senior.Id, anna.Id, changed);

        Assert.Equal(ContactWriteStatus.NotFound, foreign.Status);
        Assert.Equal(ContactWriteStatus.NotFound, wrongSenior.Status);
        Assert.Equal(ContactWriteStatus.Stored, stored.Status);
        var read = Assert.Single((await _store.ListAsync(Scope, _senior.Id))!);
        Assert.Equal(("zh", 3, (string?)null, (TimeOnly?)null), (read.Language, read.ChainOrder, read.Email, read.QuietFrom));
        Assert.Equal(anna.CreatedAt, read.CreatedAt);
    }

    [Fact]
    public async Task UpdateAsync_ToAnOrderTaken_IsRefused()
    {
        await _store.CreateAsync(Scope, _senior.Id, Daughter(1));
        var second = (await _store.CreateAsync(Scope, _senior.Id, Daughter(2))).Contact!;

        var result = await _store.UpdateAsync(Scope, _senior.Id, second.Id, Daughter(1));

        Assert.Equal(ContactWriteStatus.OrderTaken, result.Status);
    }

    [Fact]
    public async Task DeleteAsync_OnlyInScope()
    {
        var anna = (await _store.CreateAsync(Scope, _senior.Id, Daughter())).Contact!;

        Assert.False(await _store.DeleteAsync(TenantScope.Bureau(_theirs.BureauId), _senior.Id, anna.Id));
        Assert.True(await _store.DeleteAsync(Scope, _senior.Id, anna.Id));
        Assert.False(await _store.DeleteAsync(Scope, _senior.Id, anna.Id));
        Assert.Null(await _store.FindForSystemAsync(anna.Id));
    }
}
