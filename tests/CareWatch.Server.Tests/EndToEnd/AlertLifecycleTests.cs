using System.Text.Json;
using CareWatch.Monitoring.Notifications.Webhooks;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>
/// Issue 11's loop end to end, with real parts only: a watch over MQTT/TLS, PostgreSQL, the outbox dispatcher, an
/// SMTP server process, a webhook receiver, a staff board on the SignalR hub and the staff API.
/// </summary>
public sealed class AlertLifecycleTests
{
    [Fact]
    public async Task PromptUnanswered_StaffCalledThenRelativeMailedThenWebhook_AcknowledgedAndResolved_WithItsTrail()
    {
        await using var rig = await LifecycleRig.StartAsync();
        using var staff = await Support.Accounts.SignInAsync(rig.Server, rig.Staff);
        await using var board = await AlertChannel.ConnectAsync(rig.Server, staff);
        var prompts = new List<string>();
        var payloads = new List<string>();
        await rig.Db.ScalarAsync<int>("UPDATE seniors SET language = 'zh' WHERE id = @s RETURNING 1", ("s", rig.Senior.Id));
        await using var watch = rig.WatchThatShowsPrompts(prompts, payloads);

        await LifecycleRig.GoStillAsync(watch);
        var checking = await board.NextMatchingAsync(a => a.Kind == "inactivity");
        var called = await board.NextCallAsync(TimeSpan.FromSeconds(90)); // once the 15 s window has passed
        var mail = Assert.Single(await rig.Smtp.WaitForMessagesAsync(1));
        var hook = Assert.Single(await rig.Hook.WaitForRequestsAsync(1));

        Assert.Equal("checking", checking.Status);
        Assert.Equal(["areYouOk"], prompts);
        using (var prompt = JsonDocument.Parse(Assert.Single(payloads)))
            Assert.Equal("zh", prompt.RootElement.GetProperty("language").GetString()); // she is asked in Chinese
        Assert.Equal((checking.Id, "alert-open", "open"), (called.Alert.Id, called.Kind, called.Alert.Status));
        Assert.Equal("chen.lei@example.org", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("/respond/", mail.TextBody); // the relative's "I'm checking on her" link
        Assert.False(string.IsNullOrEmpty(mail.HtmlBody));
        Assert.True(WebhookSignature.Verify(rig.HookSecret, hook.Header(WebhookSignature.TimestampHeader)!, hook.Body,
            hook.Header(WebhookSignature.SignatureHeader)));
        using (var body = JsonDocument.Parse(hook.Body))
        {
            Assert.Equal(checking.Id, body.RootElement.GetProperty("alertId").GetInt64());
            Assert.Equal(hook.Header(WebhookSignature.IdempotencyHeader), body.RootElement.GetProperty("id").GetString());
        }

        var acknowledged = await AlertCommands.AcknowledgeAsync(staff, checking.Id);
        var resolved = await AlertCommands.SendAsync(staff, checking.Id, "resolve",
            v => new { version = v, outcome = "assisted-at-home", note = "Found on the sofa, helped up." });

        Assert.Equal("acknowledged", acknowledged.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal("resolved", resolved.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal("raised,prompted,opened,escalated,escalated,escalated,acknowledged,resolved",
            await rig.EventsAsync(checking.Id));
        Assert.Equal("alert.acknowledged,alert.resolved", await rig.Db.ScalarAsync<string>(
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE action LIKE 'alert.%' AND actor_id = @u",
            ("u", rig.Staff.Id.ToString())));
        // Every notification is delivered: the ones acknowledging and resolving queued go out after the commands
        // answered, so the test waits for that fact; none is left queued or failed.
        await Eventually.TrueAsync(async () => await rig.Db.ScalarAsync<long>(
            "SELECT count(*) FROM notification_outbox WHERE alert_id = @a AND status NOT IN ('sent', 'delivered')",
            ("a", checking.Id)) == 0, "every notification of the alert delivered");
    }

    [Fact]
    public async Task PromptAnsweredOk_Cancelled_NobodyNotified()
    {
        await using var rig = await LifecycleRig.StartAsync("Hu Guilan");
        await using var board = await AlertChannel.ConnectAsync(rig.Server, rig.Senior.BureauId);
        var prompted = new TaskCompletionSource();
        await using var watch = Arrange.Connect(rig.Server, rig.Device, (_, _) =>
        {
            prompted.TrySetResult();
            return new(200, """{"shown":true}""");
        });

        await LifecycleRig.GoStillAsync(watch);
        await prompted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await watch.SendAsync([], [new DeviceEvent(TimeProvider.System.GetUtcNow().UtcDateTime, DeviceEventKind.Ok)]);
        var cancelled = await board.NextMatchingAsync(a => a.Status == "cancelled");

        Assert.Equal("raised,prompted,cancelled", await rig.EventsAsync(cancelled.Id));
        // Remembered as her episode: the still period ended at the OK, and she was fine.
        Assert.Equal("senior-ok", await rig.Db.ScalarAsync<string>(
            "SELECT outcome FROM alerts WHERE id = @a AND ended_at IS NOT NULL", ("a", cancelled.Id)));
        // Only the boards were told; nobody was called, mailed or sent a webhook.
        Assert.Equal(0L, await rig.Db.ScalarAsync<long>(
            "SELECT count(*) FROM notification_outbox WHERE alert_id = @a AND recipient <> 'board'", ("a", cancelled.Id)));
        Assert.Empty(rig.Smtp.Messages());
        Assert.Empty(rig.Hook.Requests);
    }

    [Fact]
    public async Task WatchUnreachable_StraightToStaff_WithoutWaitingForTheWindow()
    {
        await using var rig = await LifecycleRig.StartAsync("Zhao Min");
        using var staff = await Support.Accounts.SignInAsync(rig.Server, rig.Staff);
        await using var board = await AlertChannel.ConnectAsync(rig.Server, staff);
        await using var watch = Arrange.Connect(rig.Server, rig.Device); // takes no direct methods

        await LifecycleRig.GoStillAsync(watch);
        var called = await board.NextCallAsync();

        Assert.Equal(("alert-open", "open"), (called.Kind, called.Alert.Status));
        Assert.StartsWith("raised,watch-unreachable,opened,escalated", await rig.EventsAsync(called.Alert.Id));
    }

    [Fact]
    public async Task NodeKilledMidChain_NodeStartedAgainCompletesIt_EachMessageOnceByItsKey()
    {
        await using var rig = await LifecycleRig.StartAsync("Sun Lihua");
        await rig.ChainAsync(relativeAfterSeconds: 8, webhookAfterSeconds: 30);
        using (var staff = await Support.Accounts.SignInAsync(rig.Server, rig.Staff))
        await using (var board = await AlertChannel.ConnectAsync(rig.Server, staff))
        await using (var watch = Arrange.Connect(rig.Server, rig.Device)) // unreachable: staff at once
        {
            await LifecycleRig.GoStillAsync(watch);
            await board.NextCallAsync(); // step 1 done
        }
        var alertId = await rig.Db.ScalarAsync<long>("SELECT id FROM alerts WHERE senior_id = @s", ("s", rig.Senior.Id));

        // The chain moves to a server process, which does the relative's step and is then killed (SIGKILL) before the
        // webhook's step; a node started afterwards finds the chain in PostgreSQL (escalation_step, next_step_at).
        await rig.StopServerAsync();
        await using (var node = await ServerProcess.StartAsync(rig.Db.ConnectionString, rig.Settings))
        {
            await rig.Smtp.WaitForMessagesAsync(1);
            await node.KillAsync();
        }
        await rig.StartServerAgainAsync();
        await rig.Hook.WaitForRequestsAsync(1);
        await Eventually.TrueAsync(async () => await rig.Db.ScalarAsync<long>(
            "SELECT count(*) FROM notification_outbox WHERE alert_id = @a AND status NOT IN ('sent', 'delivered')",
            ("a", alertId)) == 0, "every notification delivered");

        Assert.Equal("raised,watch-unreachable,opened,escalated,escalated,escalated", await rig.EventsAsync(alertId));
        // One row per step and recipient, whatever the crash: the idempotency keys.
        Assert.Equal("email:1,signalr:1,webhook:1", await rig.Db.ScalarAsync<string>("""
            SELECT string_agg(channel || ':' || n, ',' ORDER BY channel) FROM (
              SELECT o.channel, count(*) AS n FROM notification_outbox o
              WHERE o.alert_id = @a AND o.recipient <> 'board' GROUP BY o.channel) c
            """, ("a", alertId)));
        // A kill between sending and recording would send again after the lease, under the same key, so receivers
        // see one message: one Message-ID at the SMTP server, one Idempotency-Key at the webhook.
        var mails = rig.Smtp.Messages();
        Assert.Single(mails.Select(m => m.MessageId).Distinct());
        Assert.Equal("chen.lei@example.org", Assert.Single(mails[0].To.Mailboxes).Address);
        Assert.Single(rig.Hook.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task SmtpServerDown_MailRetried_DeliveredOnceWhenItIsBack()
    {
        await using var rig = await LifecycleRig.StartAsync("Ma Guifang");
        await rig.Smtp.StopAsync();
        await using var watch = Arrange.Connect(rig.Server, rig.Device); // unreachable: the chain starts at once

        await LifecycleRig.GoStillAsync(watch);
        const string FailedMailAttempts = """
            SELECT count(*) FROM notification_attempts t JOIN notification_outbox o ON o.id = t.outbox_id
            WHERE o.senior_id = @s AND o.channel = 'email' AND t.outcome = 'failed'
            """;
        await Eventually.TrueAsync(async () => await rig.Db.ScalarAsync<long>(FailedMailAttempts, ("s", rig.Senior.Id)) >= 2,
            "the mail attempted and retried while the SMTP server is down");
        await rig.Smtp.StartAgainAsync();
        var mail = Assert.Single(await rig.Smtp.WaitForMessagesAsync(1));

        Assert.Equal("chen.lei@example.org", Assert.Single(mail.To.Mailboxes).Address);
        await Eventually.TrueAsync(async () => await rig.Db.ScalarAsync<string>(
            "SELECT status FROM notification_outbox WHERE senior_id = @s AND channel = 'email'", ("s", rig.Senior.Id)) == "sent",
            "the mail's row recorded as sent");
        Assert.Single(rig.Smtp.Messages());
    }
}
