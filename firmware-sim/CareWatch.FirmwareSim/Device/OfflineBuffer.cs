using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// Batches built but not yet acknowledged, oldest first. A batch leaves only when its PUBACK has
/// arrived, so a dropped connection re-sends it (same seq) and the gateway's dedupe keeps it once.
/// A real watch keeps a week; older batches would be refused by the server anyway, so they are dropped.
/// </summary>
public sealed class OfflineBuffer
{
    private readonly LinkedList<TelemetryBatch> _batches = new();
    private readonly Lock _lock = new();

    /// <summary>Number of batches waiting for their PUBACK.</summary>
    public int Count { get { lock (_lock) return _batches.Count; } }

    /// <summary>Appends a batch.</summary>
    public void Add(TelemetryBatch batch) { lock (_lock) _batches.AddLast(batch); }

    /// <summary>The oldest pending batch, if any.</summary>
    public bool TryPeek(out TelemetryBatch batch)
    {
        lock (_lock)
        {
            batch = _batches.First?.Value!;
            return _batches.First is not null;
        }
    }

    /// <summary>Removes a batch once acknowledged.</summary>
    public void Acknowledge(TelemetryBatch batch) { lock (_lock) _batches.Remove(batch); }

    /// <summary>Drops batches whose oldest minute is older than <paramref name="oldestUtc"/>; returns how many.</summary>
    public int DropOlderThan(DateTime oldestUtc)
    {
        lock (_lock)
        {
            var dropped = 0;
            for (var node = _batches.First; node is not null;)
            {
                var next = node.Next;
                var minutes = node.Value.Minutes;
                if (minutes.Count > 0 && minutes[0].Start < oldestUtc) { _batches.Remove(node); dropped++; }
                node = next;
            }
            return dropped;
        }
    }
}
