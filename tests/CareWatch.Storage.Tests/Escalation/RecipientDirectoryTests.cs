using CareWatch.Storage.Contacts;
using CareWatch.Storage.Escalation;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Escalation;

public sealed class RecipientDirectoryTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private BureauRecord _bureau = null!;
    private BureauRecord _other = null!;
    private SeniorRecord _senior = null!;
    private readonly RecipientDirectory _directory = new();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var seniors = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _bureau = await seniors.AddBureauAsync("Recipients bureau", "Europe/Berlin");
        _other = await seniors.AddBureauAsync("Other bureau", "Europe/Berlin");
        _senior = await seniors.AddSeniorAsync(_bureau.Id, "Recipient Senior", "Europe/Vienna");
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private TenantScope Scope => TenantScope.Bureau(_bureau.Id);

    private async Task<IReadOnlyList<ChainRecipient>> ResolveAsync(string recipient, int? order = null, Guid? webhook = null)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        return await _directory.ResolveForSystemAsync(tx, recipient, order, webhook, _bureau.Id, _senior.Id, Now);
    }

    [Fact]
    public async Task OnDutyStaff_SomeoneOnShift_OnlyThoseOnShiftNow()
    {
        var onDuty = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff", "on@example.org");
        var offDuty = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        var supervisor = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "supervisor");
        var shifts = new ShiftStore(_db.DataSource);
        await shifts.AddAsync(Scope, onDuty, Now.AddHours(-1), Now.AddHours(1));
        await shifts.AddAsync(Scope, supervisor, Now.AddHours(-2), Now.AddHours(2));
        await shifts.AddAsync(Scope, offDuty, Now.AddHours(-3), Now); // ended just now
        await shifts.AddAsync(Scope, offDuty, Now.AddMinutes(1), Now.AddHours(3));

        var who = await ResolveAsync(ChainRecipients.OnDutyStaff);

        Assert.Equal(new[] { $"user:{onDuty}", $"user:{supervisor}" }.Order(), who.Select(r => r.Address).Order());
        var staff = who.Single(r => r.Address == $"user:{onDuty}");
        Assert.Equal(["signalr", "email"], staff.Channels);
        Assert.Equal(["signalr", "email"], staff.Preferred);
        Assert.Equal("Europe/Berlin", staff.TimeZone);
        Assert.Equal(["signalr"], who.Single(r => r.Address == $"user:{supervisor}").Channels); // no address on file
    }

    [Fact]
    public async Task OnDutyStaff_NobodyOnShift_EveryStaffMemberButNotSupervisorsNorOtherBureaus()
    {
        var a = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff", channels: ["email"]);
        var b = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff", "b@example.org", ["email"],
            new TimeOnly(22, 0), new TimeOnly(6, 0));
        await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "supervisor");
        await TestUsers.AddAsync(_db.DataSource, _other.Id, "staff");

        var who = await ResolveAsync(ChainRecipients.OnDutyStaff);

        Assert.Equal(new[] { $"user:{a}", $"user:{b}" }.Order(), who.Select(r => r.Address).Order());
        Assert.Empty(who.Single(r => r.Address == $"user:{a}").Preferred); // chose e-mail, has no address
        var withQuiet = who.Single(r => r.Address == $"user:{b}");
        Assert.Equal(["email"], withQuiet.Preferred);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 0)), (withQuiet.QuietFrom!.Value, withQuiet.QuietUntil!.Value));
    }

    [Fact]
    public async Task Supervisors_EverySupervisorOfTheBureau()
    {
        var supervisor = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "supervisor", "s@example.org");
        await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff");
        await TestUsers.AddAsync(_db.DataSource, _other.Id, "supervisor");

        var who = await ResolveAsync(ChainRecipients.Supervisors);

        Assert.Equal([$"user:{supervisor}"], who.Select(r => r.Address));
    }

    [Fact]
    public async Task Relatives_OneByOrderOrAllInOrder_WithTheChannelsTheyCanBeReachedOn()
    {
        var contacts = new ContactStore(_db.DataSource, TimeProvider.System);
        var second = (await contacts.CreateAsync(Scope, _senior.Id, new ContactInput("Ben", "son", "en", null, "+43 1 234",
            2, ["webhook"], null, null))).Contact!;
        var first = (await contacts.CreateAsync(Scope, _senior.Id, new ContactInput("Anna", "daughter", "de", "a@example.org",
            "+43 1 999", 1, ["email", "webhook"], new TimeOnly(21, 0), new TimeOnly(8, 0)))).Contact!;

        var one = await ResolveAsync(ChainRecipients.Relative, order: 2);
        var all = await ResolveAsync(ChainRecipients.AllRelatives);
        var missing = await ResolveAsync(ChainRecipients.Relative, order: 3);

        Assert.Equal([$"contact:{second.Id}"], one.Select(r => r.Address));
        Assert.Equal(["webhook"], one[0].Channels);
        Assert.Equal([$"contact:{first.Id}", $"contact:{second.Id}"], all.Select(r => r.Address));
        Assert.Equal(["email", "webhook"], all[0].Channels);
        Assert.Equal("Europe/Vienna", all[0].TimeZone); // the senior's zone
        Assert.Equal(new TimeOnly(21, 0), all[0].QuietFrom);
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Webhook_EnabledOfTheBureau_ElseNobody()
    {
        var webhooks = new WebhookStore(_db.DataSource, new PlainSecretProtector(), TimeProvider.System);
        var (ours, _) = await webhooks.CreateAsync(Scope, "SMS", new Uri("https://sms.example/"));
        var (theirs, _) = await webhooks.CreateAsync(TenantScope.Bureau(_other.Id), "Theirs", new Uri("https://x.example/"));
        var (off, _) = await webhooks.CreateAsync(Scope, "Off", new Uri("https://off.example/"));
        await using (var disable = _db.DataSource.CreateCommand("UPDATE webhooks SET enabled = false WHERE id = @id"))
        {
            disable.Parameters.AddWithValue("id", off.Id);
            await disable.ExecuteNonQueryAsync();
        }

        var hook = Assert.Single(await ResolveAsync(ChainRecipients.Webhook, webhook: ours.Id));
        Assert.Equal($"webhook:{ours.Id}", hook.Address);
        Assert.Equal(["webhook"], hook.Channels);
        Assert.Empty(await ResolveAsync(ChainRecipients.Webhook, webhook: theirs.Id));
        Assert.Empty(await ResolveAsync(ChainRecipients.Webhook, webhook: off.Id));
    }

    [Fact]
    public async Task UnknownRecipient_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ResolveAsync("neighbours"));
    }
}
