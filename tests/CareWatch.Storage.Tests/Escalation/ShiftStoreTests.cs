using CareWatch.Storage.Escalation;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Escalation;

public sealed class ShiftStoreTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private BureauRecord _bureau = null!;
    private BureauRecord _other = null!;
    private ShiftStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _bureau = await directory.AddBureauAsync("Rota bureau", "Europe/Berlin");
        _other = await directory.AddBureauAsync("Other bureau", "Europe/Berlin");
        _store = new ShiftStore(_db.DataSource);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private TenantScope Scope => TenantScope.Bureau(_bureau.Id);

    [Fact]
    public async Task AddAsync_StaffAndSupervisor_ListedByStartFromTheGivenTime()
    {
        var staff = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        var supervisor = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "supervisor");

        var late = await _store.AddAsync(Scope, staff, T0.AddHours(8), T0.AddHours(16));
        var early = await _store.AddAsync(Scope, supervisor, T0, T0.AddHours(8));
        var past = await _store.AddAsync(Scope, staff, T0.AddHours(-8), T0);

        Assert.All(new[] { late, early, past }, r => Assert.Equal(ShiftAddStatus.Added, r.Status));
        var listed = await _store.ListAsync(Scope, T0);
        Assert.Equal([early.Shift!.Id, late.Shift!.Id], listed.Select(s => s.Id));
        Assert.Equal($"supervisor-{supervisor:N}", listed[0].UserName);
        Assert.Equal(DateTimeKind.Utc, listed[0].StartsAt.Kind);
        Assert.Equal(T0.AddHours(16), listed[1].EndsAt);
        Assert.Empty(await _store.ListAsync(TenantScope.Bureau(_other.Id), T0.AddHours(-24)));
    }

    [Fact]
    public async Task AddAsync_SomeoneElsesStaff_IsRefused()
    {
        var theirs = await TestUsers.AddAsync(_db.DataSource, _other.Id, "staff");

        var result = await _store.AddAsync(Scope, theirs, T0, T0.AddHours(8));
        var nobody = await _store.AddAsync(Scope, Guid.NewGuid(), T0, T0.AddHours(8));

        Assert.Equal(ShiftAddStatus.NotBureauStaff, result.Status);
        Assert.Equal(ShiftAddStatus.NotBureauStaff, nobody.Status);
        Assert.Empty(await _store.ListAsync(Scope, T0.AddHours(-1)));
    }

    [Fact]
    public async Task AddAsync_EndBeforeStart_Throws()
    {
        var staff = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddAsync(Scope, staff, T0, T0));
    }

    [Fact]
    public async Task DeleteAsync_OnlyInItsBureau()
    {
        var staff = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        var shift = (await _store.AddAsync(Scope, staff, T0, T0.AddHours(8))).Shift!;

        Assert.False(await _store.DeleteAsync(TenantScope.Bureau(_other.Id), shift.Id));
        Assert.True(await _store.DeleteAsync(Scope, shift.Id));
        Assert.False(await _store.DeleteAsync(Scope, shift.Id));
        Assert.Empty(await _store.ListAsync(Scope, T0));
    }
}
