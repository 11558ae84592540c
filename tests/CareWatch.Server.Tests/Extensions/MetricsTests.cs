using System.Text;
using CareWatch.Protocol;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>
/// GET /metrics after the alert loop ran end to end (a watch over MQTT/TLS, an SOS, mail to the relative, a webhook
/// that fails once, an acknowledgement): every instrument the operations guide lists is there with what happened.
/// </summary>
public sealed class MetricsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // OpenTelemetry listens to meters by name across the whole process: another test's server running beside this one
    // has instruments of the same names, and the exporter keeps one of each. So this test runs in a test process of
    // its own (ops/test.sh runs category OwnProcess apart), and asserts lower bounds all the same.
    [Fact]
    [Trait("Category", "OwnProcess")]
    public async Task Scrape_AfterAnSosMailedWebhookedAndAcknowledged_ServesEveryListedInstrument()
    {
        await using var rig = await LifecycleRig.StartAsync();
        using var staff = await Support.Accounts.SignInAsync(rig.Server, rig.Staff);
        using var admin = await Support.Accounts.SignInNewAsync(rig.Server, CareWatchRoles.Admin);
        await using var board = await AlertChannel.ConnectAsync(rig.Server, staff);
        var hookCalls = 0;
        // The first attempt fails after its quick retries (Outbox:QuickRetries, 2), then the next one succeeds.
        rig.Hook.Respond = _ => Interlocked.Increment(ref hookCalls) <= 3 ? 503 : 200;
        await using var watch = rig.WatchThatShowsPrompts();

        await LifecycleRig.GoStillAsync(watch); // 17 minutes for the detector to judge
        await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);
        var sos = await board.NextMatchingAsync(a => a.Kind == "sos" && a.Status == "open");
        await rig.Smtp.WaitForMessagesAsync(1);
        await rig.Hook.WaitForRequestsAsync(4);
        await AlertCommands.AcknowledgeAsync(staff, sos.Id);
        await SendGarbageAsync(rig);

        IReadOnlyList<PrometheusSample> samples = [];
        await Eventually.TrueAsync(async () =>
        {
            samples = PrometheusScrape.Parse(await admin.Http.GetStringAsync("metrics"));
            return samples.Sum("carewatch_alerts_active", ("kind", "sos"), ("state", "acknowledged")) >= 1
                && samples.Sum("carewatch_notifications_delivered_total", ("channel", "webhook")) >= 1
                && samples.Sum("carewatch_gateway_messages_rejected_total") >= 1;
        }, "the scrape shows the acknowledged SOS, the webhook's delivery and the rejected message");

        foreach (var s in samples.Where(s => s.Name.StartsWith("carewatch_", StringComparison.Ordinal)))
            output.WriteLine($"{s.Name} {string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}"))} {s.Value}");
        Assert.True(samples.Sum("carewatch_gateway_messages_accepted_total") >= 2);
        Assert.All(samples.Where(s => s.Name == "carewatch_gateway_messages_rejected_total"),
            rejected => Assert.True(Enum.TryParse<RejectReason>(rejected.Labels["reason"], out _), "by reason"));
        Assert.True(samples.Sum("carewatch_gateway_batch_write_duration_seconds_count") >= 1);
        Assert.True(samples.Sum("carewatch_gateway_puback_duration_seconds_count") >= 2);
        Assert.True(samples.Sum("carewatch_gateway_watches_connected") >= 1);
        Assert.True(samples.Sum("carewatch_monitor_grains_active") >= 1);
        // One value per batch judged; the 17 minutes of GoStillAsync are counted as minutes.
        Assert.True(samples.Sum("carewatch_monitor_scoring_duration_seconds_count") >= 1);
        Assert.True(samples.Sum("carewatch_monitor_scoring_minutes_total") >= 17);
        Assert.True(samples.Sum("carewatch_alerts_acknowledge_duration_seconds_count", ("kind", "sos")) >= 1);
        Assert.True(samples.Sum("carewatch_notifications_delivered_total", ("channel", "email")) >= 1);
        Assert.True(samples.Sum("carewatch_notifications_delivered_total", ("channel", "signalr")) >= 1);
        Assert.True(samples.Sum("carewatch_notifications_failed_total", ("channel", "webhook"), ("dead", "false")) >= 1);
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count");
        Assert.Contains(samples, s => s.Name.StartsWith("db_client_", StringComparison.Ordinal));
        // Tags carry vocabulary only: no senior, device or address appears in the exposition.
        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v =>
            v.Contains(rig.Device.DeviceId, StringComparison.Ordinal) || v.Contains('@')));
    }

    // A second watch of the senior publishes a message that is not JSON: rejected, counted by reason.
    private static async Task SendGarbageAsync(LifecycleRig rig)
    {
        var other = await Arrange.WatchAsync(rig.Server, rig.Senior.Id);
        using var client = await TestWatchClient.ConnectAsync(rig.Server, other.ConnectionString);
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(IotHubTopics.Telemetry(other.DeviceId, []))
            .WithPayload(Encoding.UTF8.GetBytes("not json"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync();
    }
}
