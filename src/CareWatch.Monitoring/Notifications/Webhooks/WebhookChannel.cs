using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using Polly.CircuitBreaker;

namespace CareWatch.Monitoring.Notifications.Webhooks;

/// <summary>
/// Signed webhooks: a JSON POST with <c>X-CareWatch-Timestamp</c>, <c>X-CareWatch-Signature</c> and
/// <c>Idempotency-Key</c> (docs/webhooks.md), either to the webhook an escalation step names (<c>webhook:&lt;id&gt;</c>)
/// or, for a text message to a senior's contact (<c>contact:&lt;id&gt;</c>), to the bureau's gateway with the
/// contact's number and language. 2xx is delivered; 408, 429, 5xx and timeouts are retried (quickly inside the
/// attempt, then by the outbox's backoff); any other answer is refused for good (dead). Each webhook has its own
/// circuit breaker.
/// </summary>
public sealed class WebhookChannel(
    WebhookStore webhooks, NotificationDirectory directory, NotificationResilience resilience,
    IHttpClientFactory http, TimeProvider time, IRelativeLinkFactory? links = null) : INotificationChannel
{
    /// <summary>The named HttpClient (timeout, no redirects: a webhook answers, it does not send us elsewhere).</summary>
    public const string HttpClientName = "carewatch-webhooks";

    /// <inheritdoc />
    public string Channel => OutboxChannels.Webhook;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        WebhookTarget? target;
        WebhookRecipient? to = null;
        switch (item.RecipientKind, item.RecipientId)
        {
            case ("webhook", { } id):
                target = await webhooks.FindTargetForSystemAsync(id, ct);
                if (target is null) return DeliveryOutcome.Dead("the webhook is gone");
                break;
            case ("contact", { } id):
                // A contact who chose text messages (ContactInput: webhook) is texted through the bureau's gateway.
                if (await directory.FindContactPhoneForSystemAsync(id, ct) is not { } contact)
                    return DeliveryOutcome.Dead("the contact has no phone number");
                target = await webhooks.FindGatewayForSystemAsync(item.BureauId, ct);
                if (target is null) return DeliveryOutcome.Dead("the bureau has no enabled webhook");
                to = new WebhookRecipient("contact", contact.ContactId, contact.Name, contact.Phone, contact.Language);
                break;
            default: return DeliveryOutcome.Dead("not a webhook or contact recipient");
        }
        if (!target.Enabled) return DeliveryOutcome.Dead("the webhook is disabled");
        if (NotificationPayload.Parse(item.PayloadJson) is not { } facts) return DeliveryOutcome.Dead("no alert facts");
        var senior = await directory.SeniorNameForSystemAsync(facts.SeniorId, ct);
        if (senior is null) return DeliveryOutcome.Dead("the senior is gone");
        var respond = to is null ? null : links?.Create(facts.AlertId, to.Id)?.AbsoluteUri;

        try
        {
            await resilience.ForEndpoint($"webhook:{target.Id}")
                .ExecuteAsync(async token => await PostAsync(target, item, facts, senior, to, respond, token), ct);
            return DeliveryOutcome.Delivered;
        }
        catch (BrokenCircuitException) { return DeliveryOutcome.Retry("the webhook's circuit is open"); }
        catch (PermanentDeliveryException ex) { return DeliveryOutcome.Dead(ex.Reason); }
        catch (HttpRequestException ex) { return DeliveryOutcome.Retry(ex.StatusCode is { } s ? $"HTTP {(int)s}" : "HTTP request failed"); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return DeliveryOutcome.Retry("timed out"); }
    }

    private async Task PostAsync(WebhookTarget target, OutboxItem item, NotificationPayload facts, string senior,
        WebhookRecipient? to, string? respond, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var body = new WebhookEvent(item.Kind, item.IdempotencyKey, facts.AlertId, facts.AlertKind,
            facts.Severity.ToString().ToLowerInvariant(), senior, facts.Step, facts.Reminder, item.Urgent,
            now.UtcDateTime, to, respond).ToUtf8();
        // Signed per attempt: the timestamp is the attempt's, so a receiver's replay window holds for retries too.
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.IdempotencyHeader, item.IdempotencyKey);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300) return;
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            throw new HttpRequestException($"HTTP {status}", null, response.StatusCode);
        throw new PermanentDeliveryException($"HTTP {status}");
    }
}
