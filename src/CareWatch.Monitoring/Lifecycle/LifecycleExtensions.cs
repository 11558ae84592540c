using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareWatch.Monitoring.Lifecycle;

/// <summary>Registers what staff do with alerts and read about them.</summary>
public static class LifecycleExtensions
{
    /// <summary>Adds the staff commands, the relatives' answer, the scoped alert reads and the response-time report.</summary>
    public static IServiceCollection AddStaffActions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxWakeup>();
        services.TryAddSingleton<AlertTransitions>();
        services.TryAddSingleton<AlertQueries>();
        services.TryAddSingleton<ResponseTimeReports>();
        services.TryAddSingleton<StaffActions>();
        services.TryAddSingleton<ContactStore>();
        services.TryAddSingleton<RelativeContacts>();
        services.TryAddSingleton<RelativeAnswer>();
        return services;
    }
}
