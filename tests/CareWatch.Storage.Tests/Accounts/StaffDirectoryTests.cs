using CareWatch.Storage.Accounts;
using CareWatch.Storage.Escalation;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Accounts;

/// <summary>The bureau's people: listed with who is on duty; a switched-off account is neither signed in nor called.</summary>
public sealed class StaffDirectoryTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private BureauRecord _bureau = null!;
    private BureauRecord _other = null!;
    private StaffDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var seniors = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _bureau = await seniors.AddBureauAsync("Staff bureau", "Europe/Berlin");
        _other = await seniors.AddBureauAsync("Other bureau", "Europe/Berlin");
        _directory = new StaffDirectory(_db.DataSource);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private TenantScope Scope => TenantScope.Bureau(_bureau.Id);

    [Fact]
    public async Task List_BureauPeople_OnDutyNowMarkedOtherBureauLeftOut()
    {
        var onDuty = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        var offDuty = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "supervisor");
        await TestUsers.AddAsync(_db.DataSource, _other.Id, "staff");
        await new ShiftStore(_db.DataSource).AddAsync(Scope, onDuty, Now.AddHours(-1), Now.AddHours(1));

        var people = await _directory.ListAsync(Scope, Now);

        Assert.Equal(new[] { (onDuty, true), (offDuty, false) }.Order(), people.Select(p => (p.Id, p.OnDutyNow)).Order());
    }

    [Fact]
    public async Task SetDisabled_TheOnlyOneOnShift_LockedOutAndEveryOtherStaffMemberCalledUntilOnAgain()
    {
        var staff = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        var colleague = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        await new ShiftStore(_db.DataSource).AddAsync(Scope, staff, Now.AddHours(-1), Now.AddHours(1));

        Assert.True(await _directory.SetDisabledAsync(Scope, staff, true, Now));

        // Their shift counts as nobody's: the chain falls back to every staff member, never to no one.
        Assert.Equal([$"user:{colleague}"], (await OnDutyAsync()).Select(r => r.Address));
        Assert.True(await _db.ScalarAsync<bool>(
            "SELECT lockout_end > now() + interval '100 years' AND security_stamp <> 'stamp' FROM users WHERE id = @id", ("id", staff)));
        Assert.True(await _directory.SetDisabledAsync(Scope, staff, false, Now));
        Assert.Equal([$"user:{staff}"], (await OnDutyAsync()).Select(r => r.Address));
        Assert.Null((await _directory.ListAsync(Scope, Now)).Single(p => p.Id == staff).DisabledAt);
    }

    [Fact]
    public async Task SetDisabled_AnotherBureausAccount_FalseAndUnchanged()
    {
        var theirs = await TestUsers.AddAsync(_db.DataSource, _other.Id, "staff");

        Assert.False(await _directory.SetDisabledAsync(Scope, theirs, true, Now));

        Assert.True(await _db.ScalarAsync<bool>("SELECT disabled_at IS NULL FROM users WHERE id = @id", ("id", theirs)));
    }

    private async Task<IReadOnlyList<ChainRecipient>> OnDutyAsync()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        return await new RecipientDirectory().ResolveForSystemAsync(tx, ChainRecipients.OnDutyStaff, null, null, _bureau.Id,
            Guid.NewGuid(), Now);
    }
}
