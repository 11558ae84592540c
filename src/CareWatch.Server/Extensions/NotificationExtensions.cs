using CareWatch.Monitoring;
using CareWatch.Monitoring.Escalation;
using CareWatch.Monitoring.Notifications;
using CareWatch.Server.Adapters;
using CareWatch.Server.Hubs;
using CareWatch.Storage.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareWatch.Server.Extensions;

/// <summary>Who is told about alerts: SignalR for boards, the escalation chains, and the outbox that delivers it all.</summary>
public static class NotificationExtensions
{
    /// <summary>
    /// Registers SignalR, the escalation sweep, and the outbox dispatcher with its three channels (SignalR here, since
    /// the server owns the hub; e-mail and webhooks from Monitoring), with the server's adapters for their ports.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IInsightNotifier, SignalRInsightNotifier>();
        builder.Services.AddSingleton<AlertBoardViews>(); // the board's alerts with their handling (API and pushes)
        builder.Services.AddSingleton<IWebhookSecretProtector, DataProtectionWebhookSecretProtector>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, SignalRNotificationChannel>());
        // Relatives' "I'm checking on her" links: made by the e-mail and webhook channels, read by the Respond page.
        builder.Services.AddSingleton<SignedRelativeLinks>();
        builder.Services.AddSingleton<IRelativeLinkFactory>(sp => sp.GetRequiredService<SignedRelativeLinks>());
        builder.Services.AddEscalation();
        builder.Services.AddNotificationDispatch();
        return builder;
    }
}
