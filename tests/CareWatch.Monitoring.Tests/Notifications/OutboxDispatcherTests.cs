using CareWatch.Monitoring.Notifications;
using CareWatch.Monitoring.Notifications.Email;
using CareWatch.Monitoring.Notifications.Webhooks;
using CareWatch.Monitoring.Tests.Support;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Tests.Notifications;

/// <summary>
/// The dispatcher with its real e-mail and webhook channels, a real SMTP server process that goes down and comes
/// back, a real webhook receiver, PostgreSQL and a fake clock for the backoff.
/// </summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private NotificationRig _rig = null!;
    private SmtpServer _smtp = null!;
    private WebhookReceiver _receiver = null!;
    private WebhookRecord _webhook = null!;
    private EmailChannel _email = null!;
    private WebhookChannel _webhooks = null!;

    public async Task InitializeAsync()
    {
        _rig = await NotificationRig.StartAsync();
        _rig.Options.RetryFirst = TimeSpan.FromSeconds(5);
        _rig.Options.RetryMax = TimeSpan.FromSeconds(20);
        _rig.Options.MaxAttempts = 20;
        _smtp = await SmtpServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        (_webhook, _) = await _rig.Webhooks.CreateAsync(_rig.Scope, "SMS gateway", _receiver.Url);
        var resilience = _rig.NewResilience();
        _email = new EmailChannel(_rig.Directory, resilience, Options.Create(new SmtpOptions
        {
            Host = _smtp.Host, Port = _smtp.Port, Tls = SmtpTlsMode.None, From = "alerts@carewatch.example",
        }), new TestLinks());
        _webhooks = new WebhookChannel(_rig.Webhooks, _rig.Directory, resilience, new PlainHttpClients(), _rig.Time);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _smtp.DisposeAsync();
        await _rig.DisposeAsync();
    }

    private OutboxDispatcher NewDispatcher() => new(_rig.Store, [_email, _webhooks], _rig.Wakeup, _rig.Time,
        Options.Create(_rig.Options), NullLogger<OutboxDispatcher>.Instance);

    [Fact]
    public async Task DeliverDueAsync_SmtpDownThenBack_RetriedWithBackoffThenExactlyOneMailEach()
    {
        var dispatcher = NewDispatcher();
        var other = await _rig.AddStaffAsync("Tom Baker", "tom@bureau.example", "en-GB");
        await _smtp.StopAsync();
        await _rig.QueueAsync((OutboxChannels.Email, $"user:{_rig.Staff.Id}"), (OutboxChannels.Email, $"user:{other.Id}"),
            (OutboxChannels.Email, $"contact:{_rig.Relative.Id}"));

        // Down: every attempt fails, is recorded with its reason, and comes back only after its backoff.
        var waits = new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20) };
        for (var round = 1; round <= waits.Length; round++)
        {
            Assert.Equal(3, await dispatcher.DeliverDueAsync(_email, default));
            var rows = await _rig.RowsAsync(OutboxChannels.Email);
            Assert.All(rows, r =>
            {
                Assert.Equal(("failed", round), (r.Status, r.Attempts));
                Assert.False(string.IsNullOrEmpty(r.LastError));
                Assert.InRange(r.NotBefore, _rig.Now + waits[round - 1] / 2, _rig.Now + waits[round - 1]);
            });
            Assert.Equal(0, await dispatcher.DeliverDueAsync(_email, default)); // not due before the backoff
            _rig.Time.Advance(waits[round - 1]);
        }
        Assert.Empty(_smtp.Messages());

        // Back: the rows go out (once the relay's circuit lets a trial through), each exactly once.
        await _smtp.StartAgainAsync();
        for (var round = 0; round < 10 && (await _rig.RowsAsync(OutboxChannels.Email)).Any(r => r.Status != "sent"); round++)
        {
            await dispatcher.DeliverDueAsync(_email, default);
            _rig.Time.Advance(_rig.Options.RetryMax);
        }

        var sent = await _rig.RowsAsync(OutboxChannels.Email);
        Assert.All(sent, r => Assert.Equal("sent", r.Status));
        var mails = _smtp.Messages();
        Assert.Equal(3, mails.Count);
        var keys = await Task.WhenAll(sent.Select(r => _rig.Db.ScalarAsync<string>(
            "SELECT idempotency_key FROM notification_outbox WHERE id = @id", ("id", r.Id))));
        Assert.Equal(keys.Select(k => EmailChannel.MessageId(k, "carewatch.example")).Order(),
            mails.Select(m => m.MessageId).Order());
        foreach (var row in sent)
        {
            var attempts = await _rig.AttemptsAsync(row.Id);
            Assert.Equal("sent", attempts[^1]);
            Assert.All(attempts[..^1], a => Assert.Equal("failed", a));
            Assert.Equal(row.Attempts, attempts.Count);
        }
        Assert.Empty(await _rig.Store.ListDeadAsync(_rig.Scope));
    }

    [Fact]
    public async Task Running_QueuedRowsGoAtOnce_FailuresRetriedUntilDeadThenRetriedByHand()
    {
        _rig.Options.MaxAttempts = 2;
        var dispatcher = NewDispatcher();
        await dispatcher.StartAsync(default);
        try
        {
            // The wake-up sends it without waiting for a poll (the fake clock does not move).
            await _rig.QueueAsync((OutboxChannels.Email, $"user:{_rig.Staff.Id}"));
            Assert.Single(await _smtp.WaitForMessagesAsync(1));
            await Eventually.TrueAsync(async () => (await _rig.RowsAsync(OutboxChannels.Email)).Single().Status == "sent",
                "the mail is recorded sent");

            // A gateway that keeps failing: retried after the backoff (the clock moves on), then dead.
            _receiver.Respond = _ => 503;
            await _rig.QueueAsync((OutboxChannels.Webhook, $"webhook:{_webhook.Id}"));
            await Eventually.TrueAsync(async () =>
            {
                _rig.Time.Advance(TimeSpan.FromSeconds(1));
                return (await _rig.RowsAsync(OutboxChannels.Webhook)).Single().Status == "dead";
            }, "the webhook notification is dead after 2 attempts");
            var dead = Assert.Single(await _rig.Store.ListDeadAsync(_rig.Scope));
            Assert.Equal((OutboxChannels.Webhook, 2, "HTTP 503"), (dead.Channel, dead.Attempts, dead.LastError));
            Assert.Equal(2, _receiver.Requests.Count);

            // A supervisor retries it once the gateway works again: it goes at once, with the same key.
            _receiver.Respond = _ => 200;
            Assert.True(await _rig.Store.RetryAsync(_rig.Scope, dead.Id, _rig.Now));
            await Eventually.TrueAsync(async () =>
                (await _rig.RowsAsync(OutboxChannels.Webhook)).Single().Status == "delivered", "delivered after the retry");
            Assert.Equal(3, _receiver.Requests.Count);
            Assert.Single(_receiver.Requests.Select(r => r.Header(WebhookSignature.IdempotencyHeader)).Distinct());
            Assert.Equal(["failed", "failed", "delivered"], await _rig.AttemptsAsync(dead.Id));
        }
        finally
        {
            await dispatcher.StopAsync(default);
        }
    }
}
