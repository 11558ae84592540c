using CareWatch.Monitoring.Notifications.Email;
using CareWatch.Monitoring.Tests.Support;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareWatch.Monitoring.Tests.Notifications.Email;

/// <summary>The e-mail channel against a real SMTP server process (ops/smtp-server.sh).</summary>
public sealed class EmailChannelTests : IAsyncLifetime
{
    private NotificationRig _rig = null!;
    private SmtpServer _smtp = null!;
    private EmailChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _rig = await NotificationRig.StartAsync();
        _smtp = await SmtpServer.StartAsync();
        _channel = new EmailChannel(_rig.Directory, _rig.NewResilience(), Options.Create(new SmtpOptions
        {
            Host = _smtp.Host, Port = _smtp.Port, Tls = SmtpTlsMode.None, From = "CareWatch <alerts@carewatch.example>",
        }), new TestLinks());
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task DeliverAsync_ChineseContact_MultipartMailInChineseWithTheKeyAsMessageId()
    {
        var alert = await _rig.QueueAsync((OutboxChannels.Email, $"contact:{_rig.Relative.Id}"));
        var item = Assert.Single(await _rig.ClaimAsync(OutboxChannels.Email));

        var outcome = await _channel.DeliverAsync(item, default);

        Assert.Equal(DeliveryStatus.Sent, outcome.Status);
        var mail = Assert.Single(await _smtp.WaitForMessagesAsync(1));
        Assert.Equal(EmailChannel.MessageId(item.IdempotencyKey, "carewatch.example"), mail.MessageId);
        Assert.Equal("wei@family.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("王伟", Assert.Single(mail.To.Mailboxes).Name);
        Assert.Equal("alerts@carewatch.example", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("zh", mail.Body!.Headers["Content-Language"]);
        Assert.Equal(MessagePriority.Urgent, mail.Priority);
        Assert.Equal("CareWatch 警报：Wang Fang — 紧急呼叫（SOS）", mail.Subject);

        var body = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Contains("Wang Fang 触发了警报：紧急呼叫（SOS）", mail.TextBody);
        Assert.Contains("紧急程度：危急", mail.TextBody);
        var link = new TestLinks().Create(alert.Id, _rig.Relative.Id)!.AbsoluteUri;
        Assert.Contains(link, mail.TextBody);
        Assert.Contains("<html lang=\"zh\">", mail.HtmlBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
    }

    [Fact]
    public async Task DeliverAsync_GermanStaff_GermanMailWithoutRelativesLink()
    {
        await _rig.QueueAsync((OutboxChannels.Email, $"user:{_rig.Staff.Id}"));
        var item = Assert.Single(await _rig.ClaimAsync(OutboxChannels.Email));

        Assert.Equal(DeliveryStatus.Sent, (await _channel.DeliverAsync(item, default)).Status);

        var mail = Assert.Single(await _smtp.WaitForMessagesAsync(1));
        Assert.Equal("jana@bureau.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("de", mail.Body!.Headers["Content-Language"]);
        Assert.Equal("CareWatch-Alarm: Notruf (SOS) – Wang Fang", mail.Subject);
        Assert.Contains("Dringlichkeit: kritisch", mail.TextBody);
        Assert.DoesNotContain("https://carewatch.test/respond", mail.TextBody);
    }

    [Fact]
    public async Task DeliverAsync_RelayRefusesTheRecipient_DeadWithoutTheAddress()
    {
        var refused = await _rig.AddStaffAsync("Refused", "reject-me@bureau.example", "en-GB");
        await _rig.QueueAsync((OutboxChannels.Email, $"user:{refused.Id}"));
        var item = Assert.Single(await _rig.ClaimAsync(OutboxChannels.Email));

        var outcome = await _channel.DeliverAsync(item, default);

        Assert.Equal((DeliveryStatus.Failed, true), (outcome.Status, outcome.Permanent));
        Assert.StartsWith("SMTP 550", outcome.Reason);
        Assert.DoesNotContain("reject-me", outcome.Reason);
        Assert.Empty(_smtp.Messages());
    }

    [Fact]
    public async Task DeliverAsync_StaffWithoutAddress_DeadWithoutTryingTheRelay()
    {
        var noMail = await _rig.AddStaffAsync("No Mail", null, null);
        await _rig.QueueAsync((OutboxChannels.Email, $"user:{noMail.Id}"));
        var item = Assert.Single(await _rig.ClaimAsync(OutboxChannels.Email));

        var outcome = await _channel.DeliverAsync(item, default);

        Assert.Equal(DeliveryOutcome.Dead("the recipient has no e-mail address"), outcome);
    }
}
