namespace CareWatch.FirmwareSim.Load;

/// <summary>Counters shared by every watch of a load run; all updates are atomic.</summary>
public sealed class LoadStats
{
    private long _accepted;
    private long _refused;
    private long _failed;
    private long _connected;
    private long _connectFailures;

    /// <summary>PUBACK latencies of accepted messages.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Records a message the gateway acknowledged with success.</summary>
    public void Accepted(TimeSpan latency)
    {
        Interlocked.Increment(ref _accepted);
        Latency.Record(latency);
    }

    /// <summary>Records a PUBACK with a failure reason (rate limit, validation).</summary>
    public void Refused() => Interlocked.Increment(ref _refused);

    /// <summary>Records a publish that got no PUBACK (timeout, broken connection).</summary>
    public void Failed() => Interlocked.Increment(ref _failed);

    /// <summary>A watch connected.</summary>
    public void Connected() => Interlocked.Increment(ref _connected);

    /// <summary>A watch lost its connection.</summary>
    public void Disconnected() => Interlocked.Decrement(ref _connected);

    /// <summary>A connect attempt failed.</summary>
    public void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    /// <summary>The counters at this instant, stamped with <paramref name="timestamp"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public LoadSnapshot Take(long timestamp) => new(timestamp,
        Interlocked.Read(ref _accepted), Interlocked.Read(ref _refused), Interlocked.Read(ref _failed),
        Interlocked.Read(ref _connected), Interlocked.Read(ref _connectFailures), Latency.Snapshot());
}

/// <summary>The counters of a <see cref="LoadStats"/> at one instant.</summary>
/// <param name="Timestamp">When, as a <see cref="TimeProvider"/> timestamp.</param>
/// <param name="Accepted">Messages acknowledged with success so far.</param>
/// <param name="Refused">Messages acknowledged with a failure reason so far.</param>
/// <param name="Failed">Publishes without PUBACK so far.</param>
/// <param name="Connected">Watches connected now.</param>
/// <param name="ConnectFailures">Failed connect attempts so far.</param>
/// <param name="LatencyBuckets">Latency histogram counts so far.</param>
public sealed record LoadSnapshot(long Timestamp, long Accepted, long Refused, long Failed, long Connected, long ConnectFailures,
    long[] LatencyBuckets);
