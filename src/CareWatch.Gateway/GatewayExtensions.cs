using System.Net;
using CareWatch.Gateway.Ingestion;
using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Pki;
using CareWatch.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;

namespace CareWatch.Gateway;

/// <summary>Wires the embedded IoT Hub–compatible device gateway into an ASP.NET Core host.</summary>
public static class GatewayExtensions
{
    /// <summary>
    /// Registers the gateway: options (section <c>Gateway</c>), private CA, MQTT over TLS listener on
    /// <c>BindAddress:MqttPort</c>, SAS authentication and the telemetry pipeline. Expects the host to
    /// register <c>NpgsqlDataSource</c>, <see cref="TimeProvider"/> and any <c>ITelemetryObserver</c>s.
    /// </summary>
    public static WebApplicationBuilder AddDeviceGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IPAddress.TryParse(o.BindAddress, out _), "Gateway:BindAddress must be an IP address")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeviceRegistry>();
        services.TryAddSingleton<TelemetryWriter>();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<DeviceCertificateAuthority>();
        services.TryAddSingleton<DeviceAuthenticator>();
        services.TryAddSingleton<TelemetryIngestor>();
        services.TryAddSingleton<MqttConnectionHandler>();

        // Order matters: the notifier and the pipeline run before the MQTT server accepts publishes.
        services.TryAddSingleton<TelemetryNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryNotifier>());
        services.TryAddSingleton<TelemetryPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryPipeline>());
        services.TryAddSingleton<GatewayMqttServer>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayMqttServer>());

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
            if (options.MqttPort == 0) return;
            var ca = kestrel.ApplicationServices.GetRequiredService<DeviceCertificateAuthority>();
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.MqttPort, listen =>
            {
                listen.UseHttps(ca.ServerCertificate);
                listen.UseMqtt();
            });
        });
        return builder;
    }

    /// <summary>
    /// Completes the gateway after <c>Build()</c>. The MQTT listener needs no HTTP endpoints today;
    /// this is where MQTT over WebSockets (<c>/$iothub/websocket</c>) will be mapped.
    /// </summary>
    public static WebApplication MapDeviceGateway(this WebApplication app)
    {
        // Resolve eagerly so a broken CA folder fails the start, not the first device.
        _ = app.Services.GetRequiredService<DeviceCertificateAuthority>();
        return app;
    }
}
