using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;

namespace CareWatch.Monitoring.Notifications.Email;

/// <summary>
/// E-mail over SMTP (MailKit) to staff (<c>user:&lt;id&gt;</c>) and contacts (<c>contact:&lt;id&gt;</c>), plain text
/// and HTML in the recipient's language. The row's idempotency key is the Message-ID, so a mail sent again after a
/// crash between sending and recording is a duplicate the receiving side can recognise.
/// </summary>
public sealed class EmailChannel(
    NotificationDirectory directory, NotificationResilience resilience, IOptions<SmtpOptions> options,
    IRelativeLinkFactory? links = null) : INotificationChannel
{
    private readonly SmtpOptions _smtp = options.Value;

    /// <inheritdoc />
    public string Channel => OutboxChannels.Email;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        if (!_smtp.Enabled) return DeliveryOutcome.Retry("e-mail is not configured (Smtp:Host)");
        if (NotificationPayload.Parse(item.PayloadJson) is not { } facts) return DeliveryOutcome.Dead("no alert facts");
        var recipient = item.RecipientKind switch
        {
            "user" when item.RecipientId is { } id => await directory.FindUserForSystemAsync(id, ct),
            "contact" when item.RecipientId is { } id => await directory.FindContactForSystemAsync(id, ct),
            _ => null,
        };
        if (recipient is null) return DeliveryOutcome.Dead("the recipient has no e-mail address");
        var senior = await directory.SeniorNameForSystemAsync(facts.SeniorId, ct);
        if (senior is null) return DeliveryOutcome.Dead("the senior is gone");
        var link = recipient.ContactId is { } contact ? links?.Create(facts.AlertId, contact) : null;
        var message = Build(item, recipient, MailContent.Render(recipient.Language, item.Kind, facts, senior, link));

        var pipeline = resilience.ForEndpoint($"smtp:{_smtp.Host}:{_smtp.Port}");
        try
        {
            await pipeline.ExecuteAsync(async token => await SendAsync(message, token), ct);
            return DeliveryOutcome.Sent;
        }
        catch (BrokenCircuitException) { return DeliveryOutcome.Retry("the SMTP relay's circuit is open"); }
        catch (PermanentDeliveryException ex) { return DeliveryOutcome.Dead(ex.Reason); }
        catch (SmtpCommandException ex) { return DeliveryOutcome.Retry($"SMTP {(int)ex.StatusCode} {ex.ErrorCode}"); }
        catch (SmtpProtocolException) { return DeliveryOutcome.Retry("SMTP protocol error"); }
    }

    /// <summary>The Message-ID for an idempotency key: its characters that an address may not hold become dots.</summary>
    public static string MessageId(string idempotencyKey, string domain) =>
        string.Concat(idempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || "-_+=".Contains(c) ? c : '.'))
        + "@" + domain;

    private MimeMessage Build(OutboxItem item, MailRecipient recipient, MailContent content)
    {
        var message = new MimeMessage { Subject = content.Subject };
        message.From.Add(MailboxAddress.Parse(_smtp.From));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Address));
        message.MessageId = MessageId(item.IdempotencyKey, _smtp.MessageIdDomain);
        // Urgent follow-ups (so a worried relative hears at once that staff took it) are no alarm to flag.
        if (item.Urgent && !MailContent.IsFollowUp(item.Kind)) message.Priority = MessagePriority.Urgent;
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        // A Content-* header belongs to the body entity in MimeKit: added to the message before the body is set, it
        // is dropped with the placeholder body.
        message.Body.Headers.Replace(HeaderId.ContentLanguage, recipient.Language);
        return message;
    }

    private async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        // One connection per mail: simple and robust across relay restarts; the parallel attempts of the channel
        // loop (Outbox:Parallelism) give the throughput. A pooled connection is the step when volume needs it.
        using var client = await SmtpRelay.OpenAsync(_smtp, _smtp.Timeout, ct);
        try { await client.SendAsync(message, ct); }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // 5xx: the relay refuses this mail for good (no such mailbox, policy); trying again cannot help, and the
            // relay is working, so it does not count towards its breaker.
            throw new PermanentDeliveryException($"SMTP {(int)ex.StatusCode} {ex.ErrorCode}");
        }
        await client.DisconnectAsync(true, ct);
    }
}
