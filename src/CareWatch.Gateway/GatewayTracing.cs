using System.Diagnostics;
using CareWatch.Protocol;

namespace CareWatch.Gateway;

/// <summary>
/// The gateway's traces (activity source <c>CareWatch.Gateway</c>, beside the meter of the same name): one activity per
/// accepted device message, one per group commit linked to its messages, and one per hand-over to the monitors, a
/// child of its message's, so that an alert raised from a message carries the message's trace id.
/// </summary>
/// <remarks>
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null while nothing listens; but the server's
/// tracer provider always listens (the trace id is the logs' correlation id, exported or not), so every accepted
/// message pays for two activities and its batch for one with a link per message. That cost is inside the ingest
/// figures of docs/benchmarks.md and not measured apart yet. Tags are vocabulary and the pseudonymous device id, never
/// a person's data.
/// </remarks>
public static class GatewayTracing
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "CareWatch.Gateway";

    /// <summary>A device message from its arrival to its commit (the PUBACK follows).</summary>
    public const string Message = "telemetry.message";

    /// <summary>One group commit of device messages, linked to each message's activity.</summary>
    public const string BatchWrite = "telemetry.batch.write";

    /// <summary>A stored message handed to the monitors, child of its message's activity.</summary>
    public const string Observe = "telemetry.observe";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts a message's activity (null while nothing listens) as the root of a trace of its own, tagged with what
    /// says which message it is. Sets <see cref="Activity.Current"/>: the caller must be an async method (which
    /// restores its own caller's on return).
    /// </summary>
    internal static Activity? StartMessage(string deviceId, TelemetryBatch batch, ActivityKind kind)
    {
        if (!Source.HasListeners()) return null;
        // Over WebSockets the whole connection is one HTTP request with its activity: a message is not its child (all
        // of a watch's messages would share one trace id for days), only linked to it.
        var connection = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(Message, kind, default(ActivityContext),
            links: connection is null ? null : [new ActivityLink(connection.Context)]);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("carewatch.device.id", deviceId);
            activity.SetTag("carewatch.message.seq", batch.Seq);
            activity.SetTag("carewatch.message.minutes", batch.Minutes.Count);
            activity.SetTag("carewatch.message.events", batch.Events.Count);
        }
        return activity;
    }
}
