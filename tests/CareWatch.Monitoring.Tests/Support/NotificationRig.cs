using CareWatch.Monitoring.Notifications;
using CareWatch.Storage;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.Registry;

namespace CareWatch.Monitoring.Tests.Support;

/// <summary>
/// A bureau on a fresh database with a senior, a German-speaking staff member, a Chinese-speaking relative (e-mail
/// and phone) and a fake clock; notifications are queued through the lifecycle's one writer, as the escalation
/// sweep queues them.
/// </summary>
public sealed class NotificationRig : IAsyncDisposable
{
    public static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private NotificationRig(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(T0, TimeSpan.Zero));
    public OutboxWakeup Wakeup { get; } = new();
    public OutboxStore Store { get; private set; } = null!;
    public NotificationDirectory Directory { get; private set; } = null!;
    public WebhookStore Webhooks { get; private set; } = null!;
    public BureauRecord Bureau { get; private set; } = null!;
    public SeniorRecord Senior { get; private set; } = null!;
    public UserAccount Staff { get; private set; } = null!;
    public ContactRecord Relative { get; private set; } = null!;
    public TenantScope Scope => TenantScope.Bureau(Bureau.Id);

    /// <summary>Quick retries off: on a fake clock their 200 ms delays would wait for the test to advance it.</summary>
    public OutboxOptions Options { get; } = new() { QuickRetries = 0 };

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static async Task<NotificationRig> StartAsync()
    {
        var rig = new NotificationRig(await TestDatabase.CreateAsync());
        await rig.SeedAsync();
        return rig;
    }

    private async Task SeedAsync()
    {
        var ds = Db.DataSource;
        Store = new OutboxStore(ds, Wakeup);
        Directory = new NotificationDirectory(ds);
        Webhooks = new WebhookStore(ds, new ReversingSecretProtector(), Time);
        var seniors = new SeniorDirectory(ds, TimeProvider.System);
        Bureau = await seniors.AddBureauAsync("Bureau Mitte", "Europe/Berlin");
        Senior = await seniors.AddSeniorAsync(Bureau.Id, "Wang Fang", "Europe/Berlin");
        Staff = await AddStaffAsync("Jana Schmidt", "jana@bureau.example", "de-DE");
        var (_, relative) = await new ContactStore(ds, Time).CreateAsync(Scope, Senior.Id,
            new ContactInput("王伟", "son", "zh", "wei@family.example", "+86 138 0000 0000", 1, ["email", "webhook"], null, null));
        Relative = relative!;
    }

    public async Task<UserAccount> AddStaffAsync(string name, string? email, string? culture)
    {
        var id = Guid.NewGuid();
        var account = new UserAccount
        {
            Id = id, UserName = $"staff-{id:N}", NormalizedUserName = $"STAFF-{id:N}", DisplayName = name,
            Email = email, NormalizedEmail = email?.ToUpperInvariant(), Role = "staff", BureauId = Bureau.Id,
            Culture = culture, CreatedAt = T0,
        };
        Assert.True(await new AccountStore(Db.DataSource).CreateAsync(account));
        return account;
    }

    /// <summary>
    /// Raises an SOS alert and carries out escalation step 1 with a notification per (channel, recipient), as the
    /// sweep does: the rows hold the alert's facts and keys like the sweep's. Returns the alert.
    /// </summary>
    public async Task<AlertRecord> QueueAsync(params (string Channel, string Recipient)[] notifications)
    {
        var transitions = new AlertTransitions(Db.DataSource, Wakeup);
        var alert = (await transitions.RaiseAsync(new NewAlert(Senior.Id, "sos", AlertSeverity.Critical,
            AlertStates.Open, null, Now, "SOS pressed."), AlertActor.System("test"), Now)).Alert;
        var payload = new NotificationPayload(alert.Id, Senior.Id, "sos", AlertSeverity.Critical, Step: 1).ToJson();
        var change = new AlertChange(AlertEvents.Escalated, AlertActor.System("test"), [AlertStates.Open])
            .Set("escalation_step", (short)1);
        foreach (var (channel, recipient) in notifications)
            change.Notify(new OutboxMessage(channel, recipient, NotificationKinds.AlertOpen, true,
                $"alert:{alert.Id}:step:1:{channel}:{recipient}", payload));
        var applied = await transitions.ApplyAsync(alert.Id, alert.Version, change, Now);
        Assert.Equal(TransitionStatus.Applied, applied.Status);
        return applied.Alert!;
    }

    /// <summary>Claims the due rows of a channel now, as one dispatcher round does.</summary>
    public Task<IReadOnlyList<OutboxItem>> ClaimAsync(string channel) =>
        Store.ClaimAsync(channel, 100, Now, Now + Options.Lease);

    public NotificationResilience NewResilience() =>
        new(new ResiliencePipelineRegistry<string>(), Microsoft.Extensions.Options.Options.Create(Options), Time);

    /// <summary>The rows of a channel: status, attempts, last error, in id order.</summary>
    public async Task<List<(long Id, string Status, int Attempts, string? LastError, DateTime NotBefore)>> RowsAsync(
        string channel)
    {
        await using var cmd = Db.DataSource.CreateCommand("""
            SELECT id, status, attempts, last_error, not_before FROM notification_outbox WHERE channel = @c ORDER BY id
            """);
        cmd.Parameters.AddWithValue("c", channel);
        var rows = new List<(long, string, int, string?, DateTime)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add((r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetDateTime(4)));
        return rows;
    }

    /// <summary>The attempts' outcomes of one row, in order.</summary>
    public async Task<List<string>> AttemptsAsync(long outboxId)
    {
        await using var cmd = Db.DataSource.CreateCommand(
            "SELECT outcome FROM notification_attempts WHERE outbox_id = @id ORDER BY id");
        cmd.Parameters.AddWithValue("id", outboxId);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>A stand-in for Data Protection: stored reversed, so a test can tell the stored form from the secret.</summary>
public sealed class ReversingSecretProtector : IWebhookSecretProtector
{
    public string Protect(string secret) => new(secret.Reverse().ToArray());
    public string Unprotect(string protectedSecret) => new(protectedSecret.Reverse().ToArray());
}

/// <summary>Relatives' links at a fixed test address.</summary>
public sealed class TestLinks : IRelativeLinkFactory
{
    public Uri? Create(long alertId, Guid contactId) => new($"https://carewatch.test/respond/{alertId}/{contactId:N}");
}
