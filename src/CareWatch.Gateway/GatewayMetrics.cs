using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CareWatch.Protocol;

namespace CareWatch.Gateway;

/// <summary>
/// Counters of the device gateway (meter <c>CareWatch.Gateway</c>), plus an in-process snapshot of
/// the same numbers so tests and health pages can read them without a metrics exporter.
/// </summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "CareWatch.Gateway";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _writeFailures;
    private readonly Counter<long> _hubReadFailures;
    private readonly Counter<long> _clockCorrected;
    private readonly Counter<long> _minutesAlreadyStored;
    private readonly Counter<long> _eventsAlreadyStored;
    private readonly Counter<long> _notificationFailures;
    private readonly Histogram<double> _batchWrite;
    private readonly Histogram<double> _durable;
    private readonly UpDownCounter<long> _connectedWatches;
    private readonly ConcurrentDictionary<RejectReason, long> _rejectedSnapshot = new();
    private readonly ConcurrentDictionary<string, long> _refusedSnapshot = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _closedSnapshot = new(StringComparer.Ordinal);
    private long _acceptedCount;
    private long _duplicateCount;
    private long _writeFailureCount;
    private long _hubReadFailureCount;
    private long _clockCorrectedCount;
    private long _minutesAlreadyStoredCount;
    private long _eventsAlreadyStoredCount;
    private long _notificationFailureCount;

    /// <summary>Creates the meter through the host's meter factory.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        // The factory owns (and disposes) the meter.
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>("carewatch.gateway.messages.accepted", description: "New device messages stored");
        _duplicates = meter.CreateCounter<long>("carewatch.gateway.messages.duplicate", description: "Resent device messages acknowledged without storing again");
        _rejected = meter.CreateCounter<long>("carewatch.gateway.messages.rejected", description: "Invalid device messages dropped");
        _refused = meter.CreateCounter<long>("carewatch.gateway.connections.refused", description: "Refused connections and publishes");
        _closed = meter.CreateCounter<long>("carewatch.gateway.connections.closed",
            description: "Authenticated connections the gateway closed: token expired, key regenerated");
        _writeFailures = meter.CreateCounter<long>("carewatch.gateway.writes.failed", description: "Batches that could not be stored (devices disconnected to resend)");
        _clockCorrected = meter.CreateCounter<long>("carewatch.gateway.messages.clock_corrected", description: "Stored messages whose timestamps were moved onto the server clock (the watch's clock was a minute or more off)");
        _minutesAlreadyStored = meter.CreateCounter<long>("carewatch.gateway.minutes.already_stored",
            description: "Minutes of new messages not written: the watch's minute was already stored");
        _eventsAlreadyStored = meter.CreateCounter<long>("carewatch.gateway.events.already_stored",
            description: "Events of new messages not written: the same (watch, seq, time, kind) was already stored");
        _notificationFailures = meter.CreateCounter<long>("carewatch.gateway.notifications.failed",
            description: "Stored messages a telemetry observer (the monitors) failed to take; they are in PostgreSQL");
        _hubReadFailures = meter.CreateCounter<long>("carewatch.gateway.hub.failures", description: "IoT Hub mode: partition reads that failed and resumed from the checkpoint");
        // Buckets from a millisecond to ten seconds: a group commit takes a few ms, a failover several seconds.
        var latency = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        _batchWrite = meter.CreateHistogram("carewatch.gateway.batch.write.duration", unit: "s",
            description: "One group commit of device messages to PostgreSQL, retries included", advice: latency);
        _durable = meter.CreateHistogram("carewatch.gateway.puback.duration", unit: "s",
            description: "From a message's arrival at the pipeline to its commit, after which the watch gets its PUBACK",
            advice: latency);
        _connectedWatches = meter.CreateUpDownCounter<long>("carewatch.gateway.watches.connected",
            description: "Watches with at least one open MQTT connection to this node");
    }

    private static readonly double[] LatencyBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>New messages stored so far.</summary>
    public long Accepted => Interlocked.Read(ref _acceptedCount);

    /// <summary>Duplicates acknowledged so far.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicateCount);

    /// <summary>Messages that could not be stored.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailureCount);

    /// <summary>IoT Hub mode: failed partition reads so far.</summary>
    public long HubReadFailures => Interlocked.Read(ref _hubReadFailureCount);

    /// <summary>Stored messages whose timestamps were corrected for the watch's clock so far.</summary>
    public long ClockCorrected => Interlocked.Read(ref _clockCorrectedCount);

    /// <summary>Minutes of new messages that were already stored (first value kept) so far.</summary>
    public long MinutesAlreadyStored => Interlocked.Read(ref _minutesAlreadyStoredCount);

    /// <summary>Events of new messages that were already stored so far.</summary>
    public long EventsAlreadyStored => Interlocked.Read(ref _eventsAlreadyStoredCount);

    /// <summary>Stored messages that a telemetry observer failed to take so far.</summary>
    public long NotificationFailures => Interlocked.Read(ref _notificationFailureCount);

    /// <summary>Messages rejected for <paramref name="reason"/> so far.</summary>
    public long Rejected(RejectReason reason) => _rejectedSnapshot.GetValueOrDefault(reason);

    /// <summary>Connections (or publishes/subscriptions) refused for <paramref name="reason"/> so far.</summary>
    public long RefusedConnections(string reason) => _refusedSnapshot.GetValueOrDefault(reason);

    /// <summary>Authenticated connections closed by the gateway for <paramref name="reason"/> so far.</summary>
    public long ClosedConnections(string reason) => _closedSnapshot.GetValueOrDefault(reason);

    /// <summary>A message went through the pipeline: new (and maybe clock-corrected) or a duplicate.</summary>
    internal void OnStored(bool isNew, TimeSpan? clockError)
    {
        if (!isNew) { Interlocked.Increment(ref _duplicateCount); _duplicates.Add(1); return; }
        Interlocked.Increment(ref _acceptedCount);
        _accepted.Add(1);
        if (ClockCorrection.Corrects(clockError)) { Interlocked.Increment(ref _clockCorrectedCount); _clockCorrected.Add(1); }
    }

    /// <summary>A committed batch left out minutes or events of new messages: they were already stored.</summary>
    internal void OnAlreadyStored(int minutes, int events)
    {
        if (minutes > 0)
        {
            Interlocked.Add(ref _minutesAlreadyStoredCount, minutes);
            _minutesAlreadyStored.Add(minutes);
        }
        if (events > 0)
        {
            Interlocked.Add(ref _eventsAlreadyStoredCount, events);
            _eventsAlreadyStored.Add(events);
        }
    }

    internal void OnNotificationFailed()
    {
        Interlocked.Increment(ref _notificationFailureCount);
        _notificationFailures.Add(1);
    }

    /// <summary>A batch was written (or given up) after <paramref name="elapsed"/>.</summary>
    internal void OnBatchWritten(TimeSpan elapsed) => _batchWrite.Record(elapsed.TotalSeconds);

    /// <summary>A message was committed <paramref name="elapsed"/> after it reached the pipeline.</summary>
    internal void OnDurable(TimeSpan elapsed) => _durable.Record(elapsed.TotalSeconds);

    /// <summary>A watch's first connection opened (+1) or its last one closed (-1).</summary>
    internal void OnWatchPresence(int change) => _connectedWatches.Add(change);

    internal void OnWriteFailed() { Interlocked.Increment(ref _writeFailureCount); _writeFailures.Add(1); }

    internal void OnHubReadFailed() { Interlocked.Increment(ref _hubReadFailureCount); _hubReadFailures.Add(1); }

    internal void OnRejected(RejectReason reason)
    {
        _rejectedSnapshot.AddOrUpdate(reason, 1, (_, n) => n + 1);
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
    }

    internal void OnClosed(string reason)
    {
        _closedSnapshot.AddOrUpdate(reason, 1, (_, n) => n + 1);
        _closed.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    internal void OnRefused(string reason)
    {
        _refusedSnapshot.AddOrUpdate(reason, 1, (_, n) => n + 1);
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }
}
