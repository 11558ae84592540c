using CareWatch.Monitoring;
using CareWatch.Storage;
using Microsoft.AspNetCore.SignalR;

namespace CareWatch.Server.Hubs;

/// <summary>
/// Pushes wellbeing insights to the boards of the senior's bureau only: relatives see alerts, not routine reviews.
/// (Alert changes reach boards through the outbox: <see cref="SignalRNotificationChannel"/>.)
/// </summary>
public sealed class SignalRInsightNotifier(IHubContext<AlertsHub, IAlertsClient> hub) : IInsightNotifier
{
    /// <inheritdoc />
    public Task InsightAddedAsync(InsightRecord insight, CancellationToken ct) =>
        hub.Clients.Group(AlertsHub.BureauGroup(insight.BureauId)).InsightAdded(InsightView.From(insight));
}
