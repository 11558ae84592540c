using CareWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareWatch.Gateway.Hub;

/// <summary>Registers Azure IoT Hub mode; the reader runs only when <c>IotHub:Enabled</c> is true.</summary>
internal static class IotHubRegistration
{
    public static void AddIotHubIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IotHubOptions>().BindConfiguration(IotHubOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.EventHubsConnectionString),
                "IotHub:EventHubsConnectionString is required when IotHub:Enabled is true")
            .ValidateOnStart();
        services.TryAddSingleton<HubCheckpointStore>();
        services.TryAddSingleton<HubTelemetryIngestor>();
        if (configuration.GetValue<bool>($"{IotHubOptions.Section}:Enabled")) services.AddHostedService<IotHubEventReader>();
    }
}
