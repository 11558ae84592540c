using CareWatch.FirmwareSim.Device;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Bureaus;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Escalation;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>
/// The real parts of the alert loop for end-to-end tests: PostgreSQL, the server, an SMTP server process and a
/// webhook receiver on loopback; a bureau with a 15 s check-in, a staff member, a relative with an e-mail address and
/// a chain that calls staff at once, the relative after 1 s and the webhook after 2 s.
/// </summary>
public sealed class LifecycleRig : IAsyncDisposable
{
    /// <summary>The fixed rule alerts after 10 still minutes, so a test's still minutes raise an alert at once.</summary>
    private static readonly string[] TenMinuteRule =
        ["Monitoring:StillAlertAfter=00:10:00", "Monitoring:StillAlertAfterNight=00:10:00"];

    private LifecycleRig(TestDatabase db, SmtpServer smtp, WebhookReceiver hook)
    {
        Db = db;
        Smtp = smtp;
        Hook = hook;
    }

    /// <summary>The database.</summary>
    public TestDatabase Db { get; }

    /// <summary>Every line the server logged (its servers', when it is started again), scopes included.</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>The SMTP server process relatives' mail goes to.</summary>
    public SmtpServer Smtp { get; }

    /// <summary>The bureau's webhook receiver (an SMS gateway's stand-in).</summary>
    public WebhookReceiver Hook { get; }

    /// <summary>The in-process server (a new one after <see cref="StartServerAgainAsync"/>).</summary>
    public ServerHost Server { get; private set; } = null!;

    /// <summary>The senior.</summary>
    public SeniorRecord Senior { get; private set; } = null!;

    /// <summary>The senior's watch.</summary>
    public WatchIdentity Device { get; private set; } = null!;

    /// <summary>The staff member on the board.</summary>
    public TestAccount Staff { get; private set; } = null!;

    /// <summary>The relative (chain order 1, Chinese).</summary>
    public ContactRecord Relative { get; private set; } = null!;

    /// <summary>The webhook's signing secret, as shown once on creation.</summary>
    public string HookSecret { get; private set; } = "";

    /// <summary>Starts everything and arranges the bureau.</summary>
    public static async Task<LifecycleRig> StartAsync(string seniorName = "Chen Yuying")
    {
        var rig = new LifecycleRig(await TestDatabase.CreateAsync(migrate: false), await SmtpServer.StartAsync(),
            await WebhookReceiver.StartAsync());
        rig.Server = await rig.StartServerAsync();
        await rig.ArrangeAsync(seniorName);
        return rig;
    }

    /// <summary>Stops this test's in-process server (another node, or none, carries on).</summary>
    public async Task StopServerAsync()
    {
        await Server.DisposeAsync();
        _stopped = true;
    }

    /// <summary>Starts a new in-process server on the same database, as a node that comes back.</summary>
    public async Task StartServerAgainAsync()
    {
        Server = await StartServerAsync();
        _stopped = false;
    }

    private bool _stopped;

    /// <summary>A watch of the senior that shows "Are you OK?" (answers the prompt 200) and never presses OK.</summary>
    public SimulatedWatch WatchThatShowsPrompts(List<string>? prompts = null, List<string>? payloads = null) =>
        Arrange.Connect(Server, Device, (method, payload) =>
        {
            if (prompts is not null) lock (prompts) prompts.Add(method);
            if (payloads is not null) lock (payloads) payloads.Add(payload);
            return new DirectMethodAnswer(200, """{"shown":true}""");
        });

    /// <summary>Sends 5 moving then 12 still minutes ending now: an inactivity alert under the 10 min rule.</summary>
    public static async Task GoStillAsync(SimulatedWatch watch)
    {
        var start = Arrange.WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-17));
        await watch.SendAsync([.. Arrange.Minutes(start, 5, movement: 140), .. Arrange.Minutes(start.AddMinutes(5), 12, movement: 2)], null);
    }

    /// <summary>The alert's events in order, comma-separated.</summary>
    public Task<string> EventsAsync(long alertId) => Db.ScalarAsync<string>(
        "SELECT string_agg(event, ',' ORDER BY id) FROM alert_events WHERE alert_id = @a", ("a", alertId));

    /// <summary>The server settings of this rig (the SMTP server's port, short polls and retries).</summary>
    public string[] Settings =>
    [
        .. TenMinuteRule,
        "Smtp:Host=127.0.0.1", $"Smtp:Port={Smtp.Port}", "Smtp:Tls=None", "Smtp:From=CareWatch <alerts@carewatch.test>",
        "Escalation:PollInterval=00:00:01", "Monitoring:CheckInSweepEvery=00:00:01", "Outbox:PollEvery=00:00:00.2",
        // Quick retries, a breaker that lets a trial through soon and a short lease, so outage and crash tests end in
        // seconds.
        "Outbox:RetryFirst=00:00:00.5", "Outbox:RetryMax=00:00:02", "Outbox:BreakFor=00:00:01", "Outbox:MaxAttempts=100",
        "Outbox:Lease=00:00:03",
        "Monitoring:MetricsSampleEvery=00:00:01", // the active-alert gauge on /metrics
        // The deliveries' log lines (Information; test servers log warnings only): the correlation id is read there.
        "Logging:LogLevel:CareWatch.Monitoring.Notifications.OutboxDispatcher=Information",
    ];

    private async Task<ServerHost> StartServerAsync()
    {
        var server = await ServerHost.StartAsync(Db.ConnectionString,
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log), Settings);
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task ArrangeAsync(string seniorName)
    {
        Senior = await Arrange.SeniorAsync(Server, seniorName, "Asia/Shanghai");
        Device = await Arrange.WatchAsync(Server, Senior.Id);
        Staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, Senior.BureauId);
        var scope = TenantScope.Bureau(Senior.BureauId);
        var services = Server.Services;
        Assert.True(await services.GetRequiredService<CheckInSettingsStore>().UpdateAsync(scope,
            new CheckInSettings(CheckInSettings.MinWindowSeconds, SecondPrompt: false, LowBatteryPercent: 15)));
        var (status, relative) = await services.GetRequiredService<ContactStore>().CreateAsync(scope, Senior.Id,
            new ContactInput("Chen Lei", "son", "zh", "chen.lei@example.org", null, 1, ["email"], null, null));
        Assert.Equal(ContactWriteStatus.Stored, status);
        Relative = relative!;
        var (webhook, secret) = await services.GetRequiredService<WebhookStore>().CreateAsync(scope, "SMS gateway", Hook.Url);
        (HookSecret, _webhookId) = (secret, webhook.Id);
        await ChainAsync(relativeAfterSeconds: 1, webhookAfterSeconds: 2);
    }

    private Guid _webhookId;

    /// <summary>The bureau's chain: on-duty staff at once, then the relative, then the webhook, after these delays.</summary>
    public async Task ChainAsync(int relativeAfterSeconds, int webhookAfterSeconds) =>
        Assert.Empty(await Server.Services.GetRequiredService<EscalationChainStore>().ReplaceAsync(
            TenantScope.Bureau(Senior.BureauId),
            [
                new EscalationStep(1, 0, ChainRecipients.OnDutyStaff),
                new EscalationStep(2, relativeAfterSeconds, ChainRecipients.Relative, RelativeOrder: 1),
                new EscalationStep(3, webhookAfterSeconds, ChainRecipients.Webhook, WebhookId: _webhookId),
            ]));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopped) await Server.DisposeAsync();
        await Hook.DisposeAsync();
        await Smtp.DisposeAsync();
        await Db.DisposeAsync();
    }
}
