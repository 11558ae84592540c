using CareWatch.Monitoring.Notifications.Email;
using CareWatch.Monitoring.Notifications.Webhooks;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace CareWatch.Monitoring.Notifications;

/// <summary>Registers the outbox dispatcher with its e-mail and webhook channels.</summary>
public static class NotificationDispatchExtensions
{
    /// <summary>
    /// Adds the dispatcher (sections <c>Outbox</c> and <c>Smtp</c>, validated on start), the e-mail and webhook
    /// channels and their stores. The SignalR channel is the server's (it owns the hub); an
    /// <see cref="IWebhookSecretProtector"/> and, for the relatives' link, an <see cref="IRelativeLinkFactory"/> come
    /// from the composition root.
    /// </summary>
    public static IServiceCollection AddNotificationDispatch(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxWakeup>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<NotificationDirectory>();
        services.TryAddSingleton<WebhookStore>();
        // The registry behind per-endpoint pipelines (NotificationResilience adds one per relay and webhook).
        services.AddResiliencePipelineRegistry<string>();
        services.TryAddSingleton<NotificationResilience>();
        services.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, EmailChannel>(sp =>
            new EmailChannel(sp.GetRequiredService<NotificationDirectory>(), sp.GetRequiredService<NotificationResilience>(),
                sp.GetRequiredService<IOptions<SmtpOptions>>(), sp.GetService<IRelativeLinkFactory>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, WebhookChannel>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
