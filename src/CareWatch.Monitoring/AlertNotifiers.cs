using CareWatch.Storage;
using Microsoft.Extensions.Logging;

namespace CareWatch.Monitoring;

/// <summary>Tells every registered <see cref="IAlertNotifier"/> about an alert change already committed.</summary>
public static class AlertNotifiers
{
    /// <summary>
    /// Calls each notifier in turn; a failing one is logged and does not stop the others. A failed push is not
    /// lost: the board reloads active alerts from PostgreSQL whenever it (re)connects.
    /// </summary>
    public static async Task NotifyAllAsync(this IEnumerable<IAlertNotifier> notifiers, AlertRecord alert, ILogger logger)
    {
        foreach (var notifier in notifiers)
        {
            try { await notifier.AlertChangedAsync(alert, CancellationToken.None); }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Notifier {Notifier} failed for alert {AlertId}", notifier.GetType().Name, alert.Id);
            }
        }
    }
}
