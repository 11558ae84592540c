using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Escalation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareWatch.Monitoring.Escalation;

/// <summary>Registers escalation: chains, rota, contacts and the sweep that drives the chains.</summary>
public static class EscalationExtensions
{
    /// <summary>Adds the escalation stores, options (section <c>Escalation</c>) and the sweep as a hosted service.</summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxWakeup>();
        services.TryAddSingleton<AlertTransitions>();
        services.TryAddSingleton<EscalationChainStore>();
        services.TryAddSingleton<ShiftStore>();
        services.TryAddSingleton<ContactStore>();
        services.TryAddSingleton<RecipientDirectory>();
        services.TryAddSingleton<EscalationSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationSweep>());
        return services;
    }
}
