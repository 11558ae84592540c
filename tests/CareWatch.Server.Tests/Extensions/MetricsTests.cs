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
    [Fact]
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
        await SendGarbageAsync(rig.Server, rig.Senior.Id);

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

    // Other servers run in this test process at the same time (the other test classes'), with meters of the same
    // names: each host's scrape shows its own figures only.
    [Fact]
    public async Task Scrape_AnotherServerInTheSameProcessRejectsAMessage_OnlyThatServerCountsIt()
    {
        await using var quietDb = await TestDatabase.CreateAsync();
        await using var busyDb = await TestDatabase.CreateAsync();
        await using var quiet = await ServerHost.StartAsync(quietDb.ConnectionString);
        await using var busy = await ServerHost.StartAsync(busyDb.ConnectionString);
        await Task.WhenAll(quiet.WaitUntilReadyAsync(), busy.WaitUntilReadyAsync());
        using var quietAdmin = await Support.Accounts.SignInNewAsync(quiet, CareWatchRoles.Admin);
        using var busyAdmin = await Support.Accounts.SignInNewAsync(busy, CareWatchRoles.Admin);
        var senior = await Arrange.SeniorAsync(busy, "Erna");

        await SendGarbageAsync(busy, senior.Id);

        await Eventually.TrueAsync(async () => PrometheusScrape.Parse(await busyAdmin.Http.GetStringAsync("metrics"))
            .Sum("carewatch_gateway_messages_rejected_total") >= 1, "the busy server counts its rejected message");
        var busySamples = PrometheusScrape.Parse(await busyAdmin.Http.GetStringAsync("metrics"));
        var quietSamples = PrometheusScrape.Parse(await quietAdmin.Http.GetStringAsync("metrics"));
        Assert.Equal(1, busySamples.Sum("carewatch_gateway_messages_rejected_total"));
        Assert.Equal(0, quietSamples.Sum("carewatch_gateway_messages_rejected_total"));
        Assert.Equal(0, quietSamples.Sum("carewatch_gateway_watches_connected"));
        // The quiet server's own instruments are still there: it exports its meters, not nothing.
        Assert.Contains(quietSamples, s => s.Name == "http_server_request_duration_seconds_count");
    }

    // A watch of the senior publishes a message that is not JSON: rejected, counted by reason.
    private static async Task SendGarbageAsync(ServerHost server, Guid seniorId)
    {
        var other = await Arrange.WatchAsync(server, seniorId);
        using var client = await TestWatchClient.ConnectAsync(server, other.ConnectionString);
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(IotHubTopics.Telemetry(other.DeviceId, []))
            .WithPayload(Encoding.UTF8.GetBytes("not json"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync();
    }
}
