using CareWatch.Storage.Notifications;

namespace CareWatch.Monitoring.Notifications;

/// <summary>
/// One way of delivering notifications (SignalR, e-mail, webhook). The dispatcher runs one loop per channel, so a
/// slow channel never delays another. A channel renders the row's structured facts for its recipient and reports
/// how the attempt ended; it may throw, which counts as a failure to retry (the exception's type is the reason).
/// </summary>
public interface INotificationChannel
{
    /// <summary>The outbox channel it serves (notification_outbox.channel, Storage/Alerts/OutboxChannels).</summary>
    string Channel { get; }

    /// <summary>Delivers one claimed notification. Its idempotency key must reach the receiver.</summary>
    Task<DeliveryOutcome> DeliverAsync(OutboxItem item, CancellationToken ct);
}
