using CareWatch.Monitoring;
using CareWatch.Server.Hubs;

namespace CareWatch.Server.Extensions;

/// <summary>Live notification to staff boards over SignalR.</summary>
public static class NotificationExtensions
{
    /// <summary>Registers SignalR and the notifier the monitors call.</summary>
    public static WebApplicationBuilder AddCareWatchNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IAlertNotifier, SignalRAlertNotifier>();
        return builder;
    }
}
