using CareWatch.Storage.Escalation;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Escalation;

public sealed class EscalationChainStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private BureauRecord _bureau = null!;
    private BureauRecord _other = null!;
    private EscalationChainStore _store = null!;
    private WebhookStore _webhooks = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _bureau = await directory.AddBureauAsync("Chain bureau", "Europe/Berlin");
        _other = await directory.AddBureauAsync("Other bureau", "Asia/Shanghai");
        _store = new EscalationChainStore(_db.DataSource);
        _webhooks = new WebhookStore(_db.DataSource, new PlainSecretProtector(), TimeProvider.System);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private TenantScope Scope => TenantScope.Bureau(_bureau.Id);

    [Fact]
    public async Task ListAsync_NothingSaved_IsEmpty()
    {
        Assert.Empty(await _store.ListAsync(Scope));
    }

    [Fact]
    public async Task ReplaceAsync_ThenList_ReturnsTheChainAndOnlyToItsBureau()
    {
        var (hook, _) = await _webhooks.CreateAsync(Scope, "SMS", new Uri("https://sms.example/hook"));
        EscalationStep[] chain =
        [
            new(1, 0, ChainRecipients.Relative, RelativeOrder: 1),
            new(2, 60, ChainRecipients.OnDutyStaff),
            new(3, 240, ChainRecipients.Webhook, WebhookId: hook.Id),
        ];

        Assert.Empty(await _store.ReplaceAsync(Scope, chain));

        Assert.Equal(chain, await _store.ListAsync(Scope));
        Assert.Empty(await _store.ListAsync(TenantScope.Bureau(_other.Id)));
    }

    [Fact]
    public async Task ReplaceAsync_Again_ReplacesTheWholeChain()
    {
        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.OnDutyStaff), new(2, 60, ChainRecipients.Supervisors)]);

        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.AllRelatives)]);
        Assert.Equal([new EscalationStep(1, 0, ChainRecipients.AllRelatives)], await _store.ListAsync(Scope));

        await _store.ReplaceAsync(Scope, []);
        Assert.Empty(await _store.ListAsync(Scope));
    }

    [Fact]
    public async Task ReplaceAsync_AnotherBureausWebhook_ChangesNothing()
    {
        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.OnDutyStaff)]);
        var (foreign, _) = await _webhooks.CreateAsync(TenantScope.Bureau(_other.Id), "Theirs", new Uri("https://x.example/"));
        var missing = Guid.NewGuid();

        var unknown = await _store.ReplaceAsync(Scope,
            [new(1, 0, ChainRecipients.Webhook, WebhookId: foreign.Id), new(2, 5, ChainRecipients.Webhook, WebhookId: missing)]);

        Assert.Equal(new[] { foreign.Id, missing }.Order(), unknown.Order());
        Assert.Equal([new EscalationStep(1, 0, ChainRecipients.OnDutyStaff)], await _store.ListAsync(Scope));
    }

    [Fact]
    public async Task ReplaceAsync_SavedAtOnce_OneChainWinsWhole()
    {
        EscalationStep[] a = [new(1, 0, ChainRecipients.OnDutyStaff), new(2, 60, ChainRecipients.Supervisors)];
        EscalationStep[] b = [new(1, 0, ChainRecipients.AllRelatives), new(2, 30, ChainRecipients.OnDutyStaff),
            new(3, 90, ChainRecipients.Supervisors)];

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => _store.ReplaceAsync(Scope, i % 2 == 0 ? a : b))));

        var stored = await _store.ListAsync(Scope);
        Assert.True(stored.SequenceEqual(a) || stored.SequenceEqual(b));
    }

    [Fact]
    public async Task FindForSystemAsync_ReadsStepsAndSettings()
    {
        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.Supervisors)]);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();

        var chain = await _store.FindForSystemAsync(_bureau.Id, tx);

        Assert.Equal([new EscalationStep(1, 0, ChainRecipients.Supervisors)], chain.Steps);
        Assert.Equal(300, chain.ReminderEverySeconds);
        Assert.Equal("Europe/Berlin", chain.TimeZone);
    }

    [Fact]
    public async Task DeletingAWebhook_RemovesTheStepsThatNamedIt()
    {
        var (hook, _) = await _webhooks.CreateAsync(Scope, "SMS", new Uri("https://sms.example/hook"));
        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.OnDutyStaff), new(2, 60, ChainRecipients.Webhook, WebhookId: hook.Id)]);

        Assert.True(await _webhooks.DeleteAsync(Scope, hook.Id));

        Assert.Equal([new EscalationStep(1, 0, ChainRecipients.OnDutyStaff)], await _store.ListAsync(Scope));
    }

    [Fact]
    public async Task DeletingTheFirstStepsWebhook_ChainStaysValid()
    {
        var (hook, _) = await _webhooks.CreateAsync(Scope, "SMS", new Uri("https://sms.example/hook"));
        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.Webhook, WebhookId: hook.Id),
            new(2, 60, ChainRecipients.OnDutyStaff), new(3, 300, ChainRecipients.Webhook, WebhookId: hook.Id),
            new(4, 600, ChainRecipients.Supervisors)]);

        await _webhooks.DeleteAsync(Scope, hook.Id);

        var chain = await _store.ListAsync(Scope);
        Assert.Equal([new EscalationStep(1, 0, ChainRecipients.OnDutyStaff), new EscalationStep(2, 600, ChainRecipients.Supervisors)],
            chain);
        Assert.Empty(ChainValidation.Validate(chain));
    }

    [Fact]
    public async Task DeletingAnotherBureausWebhook_ChangesNothing()
    {
        var (hook, _) = await _webhooks.CreateAsync(Scope, "SMS", new Uri("https://sms.example/hook"));
        await _store.ReplaceAsync(Scope, [new(1, 0, ChainRecipients.Webhook, WebhookId: hook.Id)]);

        Assert.False(await _webhooks.DeleteAsync(TenantScope.Bureau(_other.Id), hook.Id));

        Assert.Single(await _store.ListAsync(Scope));
    }
}
