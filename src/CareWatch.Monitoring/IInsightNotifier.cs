using CareWatch.Storage;

namespace CareWatch.Monitoring;

/// <summary>
/// Tells staff boards about a wellbeing insight just stored. Alert changes do not come this way: each transition
/// queues its own board push in the notification outbox, in the same transaction, so none is lost.
/// </summary>
public interface IInsightNotifier
{
    /// <summary>Called after a wellbeing insight is stored.</summary>
    Task InsightAddedAsync(InsightRecord insight, CancellationToken ct);
}
