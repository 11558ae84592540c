using System.Collections.Concurrent;
using System.Diagnostics;
using CareWatch.Gateway;
using CareWatch.Monitoring.Metrics;
using CareWatch.Protocol;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>
/// The correlation id end to end: an SOS pressed on a watch (MQTT/TLS), the alert it raises, the notifications queued
/// for it (the board's push, the relative's e-mail, the webhook) and their deliveries all carry the trace id of the
/// device message, in PostgreSQL (trace_id), in the spans and in the delivery's log line.
/// </summary>
public sealed class TracingTests
{
    // Activity listeners hear every server in this test process: everything is matched by this test's device and
    // alert, never counted.
    [Fact]
    public async Task SosFromAWatch_AlertNotificationsAndDeliveryLog_CarryTheMessagesTraceId()
    {
        using var spans = new StoppedSpans();
        await using var rig = await LifecycleRig.StartAsync();
        await using var watch = rig.WatchThatShowsPrompts();

        // The senior's monitor is active, as it is while her watch streams minutes (the next test activates it by the SOS).
        var minute = await watch.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(1), 1, movement: 140), null);
        await rig.Server.Monitors.SeenAsync(rig.Device.DeviceId, minute.Seq);
        await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);
        long alertId = 0;
        await Eventually.TrueAsync(async () => (alertId = await rig.Db.ScalarAsync<long>(
            "SELECT coalesce(max(id), 0) FROM alerts WHERE senior_id = @s AND kind = 'sos'", ("s", rig.Senior.Id))) > 0,
            "the SOS raised an alert");
        await rig.Smtp.WaitForMessagesAsync(1);
        await rig.Hook.WaitForRequestsAsync(1);

        var message = Assert.Single(spans.All, s => s.OperationName == GatewayTracing.Message
            && Equals(s.GetTagItem("carewatch.device.id"), rig.Device.DeviceId)
            && Equals(s.GetTagItem("carewatch.message.events"), 1) && s.GetTagItem("carewatch.duplicate") is null);
        var traceId = message.TraceId.ToHexString();
        Assert.Equal(traceId, await rig.Db.ScalarAsync<string>("SELECT trace_id FROM alerts WHERE id = @a", ("a", alertId)));
        var alertSpan = await rig.Db.ScalarAsync<string>("SELECT span_id FROM alerts WHERE id = @a", ("a", alertId));
        Assert.Contains(spans.All, s => s.OperationName == MonitoringTracing.AlertRaise && s.SpanId.ToHexString() == alertSpan
            && s.TraceId.ToHexString() == traceId);
        // Every notification of the alert, those the escalation sweep queued later included, carries the raise's trace.
        var outbox = await rig.Db.ScalarAsync<string>("""
            SELECT string_agg(DISTINCT channel || ' ' || coalesce(trace_id, '-') || ' ' || coalesce(span_id, '-'), ', ')
            FROM notification_outbox WHERE alert_id = @a
            """, ("a", alertId));
        Assert.Equal($"email {traceId} {alertSpan}, signalr {traceId} {alertSpan}, webhook {traceId} {alertSpan}", outbox);

        await Eventually.TrueAsync(() => rig.Log.Lines.Any(l => l.Contains($"of alert {alertId} delivered")
                && l.Contains("(email, ") && l.Contains($"TraceId={traceId}")),
            "the e-mail's delivery was logged with the message's trace id");
        // Alert ids repeat across the test databases of this process, so deliveries are found through the trace: every
        // outbox row of the alert that has been attempted has a delivery span in it, a child of the raise. A delivery
        // that lost the trace would leave its row missing from that set.
        var traced = spans.All.Where(s => s.OperationName == MonitoringTracing.NotificationDeliver
            && s.TraceId.ToHexString() == traceId).ToList();
        Assert.All(traced, s => Assert.Equal(alertSpan, s.ParentSpanId.ToHexString()));
        Assert.Contains(traced, s => Equals(s.GetTagItem("carewatch.notification.channel"), "email"));
        var attempted = await rig.Db.ScalarAsync<long[]>("""
            SELECT coalesce(array_agg(DISTINCT o.id ORDER BY o.id), '{}') FROM notification_outbox o
            JOIN notification_attempts a ON a.outbox_id = o.id WHERE o.alert_id = @a
            """, ("a", alertId));
        await Eventually.TrueAsync(() => attempted.All(id => spans.All.Any(s => s.OperationName == MonitoringTracing.NotificationDeliver
                && s.TraceId.ToHexString() == traceId && Equals(s.GetTagItem("carewatch.notification.id"), id))),
            "every attempted notification of the alert was delivered inside the message's trace");
    }

    [Fact]
    public async Task SosAsTheFirstMessage_ActivatesTheMonitor_AlertIsRaisedInTheMessagesTrace()
    {
        using var spans = new StoppedSpans();
        await using var rig = await LifecycleRig.StartAsync();
        await using var watch = rig.WatchThatShowsPrompts();

        // No minute before: this message activates her monitor, which finds the SOS already stored and raises it.
        await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);
        long alertId = 0;
        await Eventually.TrueAsync(async () => (alertId = await rig.Db.ScalarAsync<long>(
            "SELECT coalesce(max(id), 0) FROM alerts WHERE senior_id = @s AND kind = 'sos'", ("s", rig.Senior.Id))) > 0,
            "the SOS raised an alert");

        var message = Assert.Single(spans.All, s => s.OperationName == GatewayTracing.Message
            && Equals(s.GetTagItem("carewatch.device.id"), rig.Device.DeviceId) && s.GetTagItem("carewatch.duplicate") is null);
        var traceId = message.TraceId.ToHexString();
        Assert.Equal($"{traceId} {message.SpanId.ToHexString()}", await rig.Db.ScalarAsync<string>(
            "SELECT trace_id || ' ' || span_id FROM device_events WHERE device_id = @d AND kind = 'sos'",
            ("d", rig.Device.DeviceId)));
        Assert.Equal(traceId, await rig.Db.ScalarAsync<string>("SELECT trace_id FROM alerts WHERE id = @a", ("a", alertId)));
    }

    /// <summary>The activities of CareWatch's sources that ended while it listened.</summary>
    private sealed class StoppedSpans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public StoppedSpans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is GatewayTracing.SourceName or MonitoringTracing.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> All => _stopped.ToArray();

        public void Dispose() => _listener.Dispose();
    }
}
