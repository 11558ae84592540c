using CareWatch.Monitoring.Notifications;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace CareWatch.Server.Hubs;

/// <summary>
/// The outbox's SignalR channel. A board row pushes the alert as it is now to the boards of its bureau and to its
/// senior's relatives (never to anyone else); a row for a person (an escalation step or a reminder calling on-duty
/// staff) tells that person's open boards they are being called. A push is "sent": SignalR does not confirm
/// receipt, and a board that missed it reloads the active alerts from PostgreSQL when it reconnects.
/// </summary>
public sealed class SignalRNotificationChannel(IHubContext<AlertsHub, IAlertsClient> hub, AlertTransitions alerts,
    AlertBoardViews board, SeniorStateFeed seniorsBoard) : INotificationChannel
{
    /// <inheritdoc />
    public string Channel => OutboxChannels.SignalR;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        if (item.AlertId is not { } alertId) return DeliveryOutcome.Dead("no alert");
        // Read when delivered, not when queued: two quick changes both push the latest version, which boards keep.
        if (await alerts.FindAsync(alertId, ct) is not { } alert) return DeliveryOutcome.Dead("alert gone");
        var view = AlertView.From(alert);
        switch (item.RecipientKind)
        {
            case AlertTransitions.BoardRecipient:
                // The bureau's boards see who is on it; the relatives' the same alert without staff matters.
                var staffView = await board.FindAsync(TenantScope.Bureau(alert.BureauId), alertId, ct) ?? view;
                await hub.Clients.Group(AlertsHub.BureauGroup(alert.BureauId)).AlertChanged(staffView);
                await hub.Clients.Group(AlertsHub.SeniorGroup(alert.SeniorId)).AlertChanged(view);
                seniorsBoard.SeniorChanged(alert.SeniorId); // her tile says "alert" or "check-in pending" now, or no more
                return DeliveryOutcome.Sent;
            case "user" when item.RecipientId is { } userId:
                await hub.Clients.User(userId.ToString()).AlertCalled(new AlertCall(
                    await board.FindAsync(TenantScope.Bureau(alert.BureauId), alertId, ct) ?? view, item.Kind));
                return DeliveryOutcome.Sent;
            default:
                return DeliveryOutcome.Dead("recipient not reachable over SignalR");
        }
    }
}
