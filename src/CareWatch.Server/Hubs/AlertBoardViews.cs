using CareWatch.Monitoring.Escalation;
using CareWatch.Server.Apis;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Escalation;

namespace CareWatch.Server.Hubs;

/// <summary>
/// The alerts as a bureau's board shows them: each <see cref="AlertView"/> with its <see cref="AlertHandlingView"/>
/// (names, steps, next step, latest comments), read in three queries for the whole board. GET /api/alerts and the
/// push to the bureau's group use the same reader, so a reload shows what the pushes showed.
/// </summary>
public sealed class AlertBoardViews(AlertQueries queries, AlertActivityQueries activity, EscalationChainStore chains)
{
    /// <summary>The bureau's board: active alerts and those closed since <paramref name="closedSince"/>.</summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(TenantScope scope, DateTime closedSince,
        CancellationToken ct = default) =>
        await WithHandlingAsync(scope, await queries.ListBoardAsync(scope, closedSince, ct), ct);

    /// <summary>One alert as the bureau's board shows it; null when it is not the scope's.</summary>
    public async Task<AlertView?> FindAsync(TenantScope scope, long alertId, CancellationToken ct = default) =>
        await queries.FindAsync(scope, alertId, ct) is { } named
            ? (await WithHandlingAsync(scope, [named], ct))[0]
            : null;

    /// <summary>
    /// One alert with its history as the scope's reader sees it (GET /api/alerts/{id}, the staff commands' answers),
    /// for staff with its handling, so the answer a board merges is as complete as the push of the same version.
    /// Null when it is not the scope's.
    /// </summary>
    public async Task<AlertDetailView?> DetailAsync(TenantScope scope, long alertId, CancellationToken ct = default)
    {
        if (await queries.FindAsync(scope, alertId, ct) is not { } named) return null;
        var detail = AlertDetailView.From(named, await queries.EventsAsync(scope, alertId, ct), scope);
        if (scope.BureauId is null) return detail;
        return detail with { Alert = (await WithHandlingAsync(scope, [named], ct))[0] };
    }

    private async Task<IReadOnlyList<AlertView>> WithHandlingAsync(TenantScope scope, IReadOnlyList<NamedAlert> alerts,
        CancellationToken ct)
    {
        if (alerts.Count == 0) return [];
        var done = await activity.ListAsync(scope, alerts.Select(n => n.Alert.Id).ToList(), ct);
        var chain = DefaultChain.Or(await chains.ListAsync(scope, ct));
        return alerts.Select(n => AlertView.From(n.Alert) with
        {
            Handling = AlertHandlingView.From(n, done.GetValueOrDefault(n.Alert.Id) ?? AlertActivity.None, chain),
        }).ToList();
    }
}
