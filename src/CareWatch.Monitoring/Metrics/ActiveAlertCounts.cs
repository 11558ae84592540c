namespace CareWatch.Monitoring.Metrics;

/// <summary>
/// The last sample of active alerts per (kind, state). A pair once seen is reported as 0 when it empties, so a
/// dashboard shows the queue going back to zero rather than a series that stops.
/// </summary>
internal sealed class ActiveAlertCounts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string State), long> _counts = [];

    public void Set(IEnumerable<(string Kind, string State, long Count)> sample)
    {
        lock (_gate)
        {
            foreach (var key in _counts.Keys.ToList()) _counts[key] = 0;
            foreach (var (kind, state, count) in sample) _counts[(kind, state)] = count;
        }
    }

    public IEnumerable<System.Diagnostics.Metrics.Measurement<long>> Observe()
    {
        lock (_gate)
        {
            return _counts.Select(c => new System.Diagnostics.Metrics.Measurement<long>(c.Value,
                new KeyValuePair<string, object?>("kind", c.Key.Kind),
                new KeyValuePair<string, object?>("state", c.Key.State))).ToList();
        }
    }
}
