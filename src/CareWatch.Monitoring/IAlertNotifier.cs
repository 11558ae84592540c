using CareWatch.Storage;

namespace CareWatch.Monitoring;

/// <summary>Tells people about an alert that was just stored (raised, cleared, resolved).</summary>
public interface IAlertNotifier
{
    /// <summary>Called after the alert's new state is committed in PostgreSQL.</summary>
    Task AlertChangedAsync(AlertRecord alert, CancellationToken ct);

    /// <summary>Called after a wellbeing insight is stored.</summary>
    Task InsightAddedAsync(InsightRecord insight, CancellationToken ct);
}
