using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace CareWatch.Monitoring;

/// <summary>
/// One senior's alerts in PostgreSQL, as their monitor raises and clears them: stored first (with a short retry,
/// since a raise is idempotent), logged with the monitor's reason, then pushed to every notifier.
/// </summary>
public sealed class SeniorAlerts(
    Guid seniorId, AlertStore store, IEnumerable<IAlertNotifier> notifiers, ResiliencePipeline retry, TimeProvider time, ILogger logger)
    : IMonitorAlerts
{
    /// <summary>The name of the retry pipeline for alert writes (registered by <see cref="MonitoringExtensions"/>).</summary>
    public const string RetryPipeline = "alert-writes";

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, OpenAlert>> LoadOpenAsync(CancellationToken ct)
    {
        // One query for all of them: every monitor activation (after a restart, every senior's) asks this.
        var open = await store.ListOpenAsync(seniorId, AlertKinds.MonitorManaged, ct);
        return open.ToDictionary(a => a.Kind,
            a => new OpenAlert(DateTime.SpecifyKind(a.RaisedAt, DateTimeKind.Utc), AlertFacts.Parse(a.Facts)));
    }

    /// <inheritdoc />
    public Task<bool> RaisedForStillPeriodAsync(DateTime stillSince, CancellationToken ct) =>
        store.ExistsForStillPeriodAsync(seniorId, AlertKinds.Inactivity, stillSince, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<(DateTime At, string Kind)>> UnalertedEventsAsync(DateTime since, CancellationToken ct) =>
        store.UnalertedEventsAsync(seniorId, [AlertKinds.Sos, AlertKinds.Fall], since, ct);

    /// <inheritdoc />
    public async Task RaiseAsync(AlertRequest alert, CancellationToken ct)
    {
        var raised = await retry.ExecuteAsync(async token => await store.RaiseAsync(
            seniorId, alert.Kind, alert.StillSince, time.GetUtcNow().UtcDateTime, alert.Explanation, alert.StartedAt, alert.Facts?.ToJson(), token), ct);
        logger.LogInformation("Alert {AlertId} ({Kind}) open for senior {SeniorId}: {Reason}", raised.Id, alert.Kind, seniorId, alert.Reason);
        await NotifyAsync(raised);
    }

    /// <inheritdoc />
    public async Task UpdateFactsAsync(string kind, AlertFacts facts, CancellationToken ct)
    {
        var updated = await retry.ExecuteAsync(async token =>
            await store.UpdateFactsAsync(seniorId, kind, facts.ToJson(), time.GetUtcNow().UtcDateTime, token), ct);
        if (updated is null) return;
        logger.LogInformation("Alert {AlertId} ({Kind}) for senior {SeniorId} now decided by {Trigger} (model {Version})",
            updated.Id, kind, seniorId, facts.Trigger, facts.ModelVersion);
        await NotifyAsync(updated);
    }

    /// <inheritdoc />
    public async Task ClearAsync(string kind, DateTime endedAt, string reason, CancellationToken ct)
    {
        var cleared = await retry.ExecuteAsync(async token =>
            await store.ClearAsync(seniorId, kind, time.GetUtcNow().UtcDateTime, endedAt, token), ct);
        if (cleared is null) return;
        logger.LogInformation("Alert {AlertId} ({Kind}) cleared for senior {SeniorId}: {Reason} at {EndedAt:O}",
            cleared.Id, kind, seniorId, reason, endedAt);
        await NotifyAsync(cleared);
    }

    // A failed push is not lost: the board reloads open alerts from PostgreSQL whenever it (re)connects.
    private async Task NotifyAsync(AlertRecord alert)
    {
        foreach (var notifier in notifiers)
        {
            try { await notifier.AlertChangedAsync(alert, CancellationToken.None); }
            catch (Exception ex) { logger.LogWarning(ex, "Notifier {Notifier} failed for alert {AlertId}", notifier.GetType().Name, alert.Id); }
        }
    }
}
