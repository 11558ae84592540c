using CareWatch.Monitoring;
using CareWatch.Storage;
using Microsoft.AspNetCore.SignalR;

namespace CareWatch.Server.Hubs;

/// <summary>Pushes alert changes to every connected board.</summary>
public sealed class SignalRAlertNotifier(IHubContext<AlertsHub, IAlertsClient> hub) : IAlertNotifier
{
    /// <inheritdoc />
    public Task AlertChangedAsync(AlertRecord alert, CancellationToken ct) =>
        hub.Clients.All.AlertChanged(AlertView.From(alert));

    /// <inheritdoc />
    public Task InsightAddedAsync(InsightRecord insight, CancellationToken ct) =>
        hub.Clients.All.InsightAdded(InsightView.From(insight));
}
