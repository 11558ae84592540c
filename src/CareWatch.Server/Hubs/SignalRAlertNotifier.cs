using CareWatch.Monitoring;
using CareWatch.Storage;
using Microsoft.AspNetCore.SignalR;

namespace CareWatch.Server.Hubs;

/// <summary>
/// Pushes alert changes to the boards of the senior's bureau and to the senior's relatives, never to anyone else
/// (groups of <see cref="AlertsHub"/>). Insights go to the bureau only: relatives see alerts, not routine reviews.
/// </summary>
public sealed class SignalRAlertNotifier(IHubContext<AlertsHub, IAlertsClient> hub) : IAlertNotifier
{
    /// <inheritdoc />
    public Task AlertChangedAsync(AlertRecord alert, CancellationToken ct) =>
        hub.Clients.Groups(AlertsHub.BureauGroup(alert.BureauId), AlertsHub.SeniorGroup(alert.SeniorId))
            .AlertChanged(AlertView.From(alert));

    /// <inheritdoc />
    public Task InsightAddedAsync(InsightRecord insight, CancellationToken ct) =>
        hub.Clients.Group(AlertsHub.BureauGroup(insight.BureauId)).InsightAdded(InsightView.From(insight));
}
