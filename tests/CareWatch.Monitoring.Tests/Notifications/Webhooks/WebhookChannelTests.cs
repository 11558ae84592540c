using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareWatch.Monitoring.Notifications.Webhooks;
using CareWatch.Monitoring.Tests.Support;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;

namespace CareWatch.Monitoring.Tests.Notifications.Webhooks;

/// <summary>The webhook channel against a real HTTP receiver (Kestrel on loopback).</summary>
public sealed class WebhookChannelTests : IAsyncLifetime
{
    private NotificationRig _rig = null!;
    private WebhookReceiver _receiver = null!;
    private WebhookChannel _channel = null!;
    private WebhookRecord _webhook = null!;
    private string _secret = "";

    public async Task InitializeAsync()
    {
        _rig = await NotificationRig.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        (_webhook, _secret) = await _rig.Webhooks.CreateAsync(_rig.Scope, "SMS gateway", _receiver.Url);
        _channel = new WebhookChannel(_rig.Webhooks, _rig.Directory, _rig.NewResilience(), new PlainHttpClients(),
            _rig.Time, new TestLinks());
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task DeliverAsync_StepCallsTheWebhook_SignedPostWithIdempotencyKey()
    {
        var alert = await _rig.QueueAsync((OutboxChannels.Webhook, $"webhook:{_webhook.Id}"));
        var item = Assert.Single(await _rig.ClaimAsync(OutboxChannels.Webhook));

        Assert.Equal(DeliveryOutcome.Delivered, await _channel.DeliverAsync(item, default));

        var request = Assert.Single(await _receiver.WaitForRequestsAsync(1));
        Assert.Equal(("POST", "/hook"), (request.Method, request.Path));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(item.IdempotencyKey, request.Header(WebhookSignature.IdempotencyHeader));
        var timestamp = request.Header(WebhookSignature.TimestampHeader)!;
        Assert.Equal(_rig.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), timestamp);
        var signature = request.Header(WebhookSignature.SignatureHeader);
        Assert.StartsWith("v1=", signature);
        Assert.True(WebhookSignature.Verify(_secret, timestamp, request.Body, signature));
        // The recipe as a gateway in another language would write it: HMAC-SHA256(secret, "<timestamp>.<body>").
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. request.Body];
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), signed));
        Assert.Equal(expected, signature);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("alert-open", root.GetProperty("event").GetString());
        Assert.Equal(item.IdempotencyKey, root.GetProperty("id").GetString());
        Assert.Equal(alert.Id, root.GetProperty("alertId").GetInt64());
        Assert.Equal("sos", root.GetProperty("alertKind").GetString());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal("Wang Fang", root.GetProperty("seniorName").GetString());
        Assert.Equal(1, root.GetProperty("step").GetInt32());
        Assert.True(root.GetProperty("urgent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("recipient").ValueKind);
    }

    [Fact]
    public async Task Verify_TamperedBodyOrTimestampOrSecret_Refused()
    {
        await _rig.QueueAsync((OutboxChannels.Webhook, $"webhook:{_webhook.Id}"));
        await _channel.DeliverAsync(Assert.Single(await _rig.ClaimAsync(OutboxChannels.Webhook)), default);
        var request = Assert.Single(await _receiver.WaitForRequestsAsync(1));
        var timestamp = request.Header(WebhookSignature.TimestampHeader)!;
        var signature = request.Header(WebhookSignature.SignatureHeader);

        var tampered = request.Body.ToArray();
        tampered[^2] ^= 0x01;
        Assert.False(WebhookSignature.Verify(_secret, timestamp, tampered, signature));
        Assert.False(WebhookSignature.Verify(_secret, (long.Parse(timestamp, CultureInfo.InvariantCulture) + 1)
            .ToString(CultureInfo.InvariantCulture), request.Body, signature));
        Assert.False(WebhookSignature.Verify("another secret", timestamp, request.Body, signature));
        Assert.False(WebhookSignature.Verify(_secret, timestamp, request.Body, null));
    }

    [Fact]
    public async Task DeliverAsync_ContactWhoChoseTextMessages_PostedToTheGatewayWithNumberAndLanguage()
    {
        var alert = await _rig.QueueAsync((OutboxChannels.Webhook, $"contact:{_rig.Relative.Id}"));
        var item = Assert.Single(await _rig.ClaimAsync(OutboxChannels.Webhook));

        Assert.Equal(DeliveryOutcome.Delivered, await _channel.DeliverAsync(item, default));

        var request = Assert.Single(await _receiver.WaitForRequestsAsync(1));
        Assert.True(WebhookSignature.Verify(_secret, request.Header(WebhookSignature.TimestampHeader)!, request.Body,
            request.Header(WebhookSignature.SignatureHeader)));
        using var json = JsonDocument.Parse(request.Body);
        var to = json.RootElement.GetProperty("recipient");
        Assert.Equal("contact", to.GetProperty("kind").GetString());
        Assert.Equal(_rig.Relative.Id, to.GetProperty("id").GetGuid());
        Assert.Equal("王伟", to.GetProperty("name").GetString());
        Assert.Equal("+86 138 0000 0000", to.GetProperty("phone").GetString());
        Assert.Equal("zh", to.GetProperty("language").GetString());
        Assert.Equal(new TestLinks().Create(alert.Id, _rig.Relative.Id)!.AbsoluteUri,
            json.RootElement.GetProperty("respondUrl").GetString());
    }

    [Fact]
    public async Task DeliverAsync_ReceiverAnswers503_RetryLater()
    {
        _receiver.Respond = _ => 503;
        await _rig.QueueAsync((OutboxChannels.Webhook, $"webhook:{_webhook.Id}"));

        var outcome = await _channel.DeliverAsync(Assert.Single(await _rig.ClaimAsync(OutboxChannels.Webhook)), default);

        Assert.Equal(DeliveryOutcome.Retry("HTTP 503"), outcome);
    }

    [Fact]
    public async Task DeliverAsync_ReceiverAnswers400_DeadAtOnce()
    {
        _receiver.Respond = _ => 400;
        await _rig.QueueAsync((OutboxChannels.Webhook, $"webhook:{_webhook.Id}"));

        var outcome = await _channel.DeliverAsync(Assert.Single(await _rig.ClaimAsync(OutboxChannels.Webhook)), default);

        Assert.Equal(DeliveryOutcome.Dead("HTTP 400"), outcome);
    }

    [Fact]
    public async Task DeliverAsync_WebhookDeleted_DeadWithoutPosting()
    {
        await _rig.QueueAsync((OutboxChannels.Webhook, $"webhook:{_webhook.Id}"));
        Assert.True(await _rig.Webhooks.DeleteAsync(_rig.Scope, _webhook.Id));

        var outcome = await _channel.DeliverAsync(Assert.Single(await _rig.ClaimAsync(OutboxChannels.Webhook)), default);

        Assert.Equal(DeliveryOutcome.Dead("the webhook is gone"), outcome);
        Assert.Empty(_receiver.Requests);
    }
}
