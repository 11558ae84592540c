using System.Net;
using CareWatch.Gateway.Cloud;
using CareWatch.Gateway.Hub;
using CareWatch.Gateway.Ingestion;
using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Pki;
using CareWatch.Gateway.Tls;
using CareWatch.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;

namespace CareWatch.Gateway;

/// <summary>Wires the embedded IoT Hub–compatible device gateway into an ASP.NET Core host.</summary>
public static class GatewayExtensions
{
    /// <summary>
    /// Registers the gateway: options (section <c>Gateway</c>), private CA, MQTT over TLS listener on
    /// <c>BindAddress:MqttPort</c>, SAS authentication and the telemetry pipeline. Expects the host to
    /// register <c>NpgsqlDataSource</c>, <see cref="TimeProvider"/>, an <see cref="IDeviceKeyProtector"/> (device keys
    /// are stored encrypted) and any <c>ITelemetryObserver</c>s.
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
        services.AddConnections();
        services.TryAddSingleton<DeviceTwinStore>();
        services.TryAddSingleton<DeviceStatusReader>();
        services.TryAddSingleton<DeviceConnections>();
        services.TryAddSingleton<IDeviceConnections>(sp => sp.GetRequiredService<DeviceConnections>());
        services.TryAddSingleton<DeviceRateLimiter>();
        services.TryAddSingleton<DeviceOutbox>();
        services.TryAddSingleton<DeviceMethods>();
        services.TryAddSingleton<IDeviceMethods>(sp => sp.GetRequiredService<DeviceMethods>());
        services.TryAddSingleton<DeviceTwins>();
        services.TryAddSingleton<IDeviceTwins>(sp => sp.GetRequiredService<DeviceTwins>());
        services.TryAddSingleton<ICloudToDeviceMessages, CloudToDeviceMessages>();
        services.TryAddSingleton<PublishRouter>();
        services.TryAddSingleton<ProtocolErrorCounter>();
        services.TryAddSingleton<PacketSizeLimit>();
        services.TryAddSingleton<ConnectionsPerAddress>();
        services.TryAddSingleton<FailedAuthThrottle>();
        services.TryAddSingleton<WebSocketMqttHandler>();
        services.TryAddSingleton<TlsBufferRelease>();
        services.TryAddSingleton<GatewayDrain>();
        services.AddIotHubIngestion(builder.Configuration);

        // Order matters: the notifier and the pipeline run before the MQTT server accepts publishes.
        services.TryAddSingleton<TelemetryNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryNotifier>());
        services.TryAddSingleton<TelemetryPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryPipeline>());
        services.TryAddSingleton<GatewayMqttServer>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayMqttServer>());
        services.TryAddSingleton(sp => new GatewayListenerStatus(sp.GetRequiredService<GatewayMqttServer>(),
            sp.GetRequiredService<GatewayDrain>(), sp.GetRequiredService<IOptions<GatewayOptions>>()));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var ca = kestrel.ApplicationServices.GetRequiredService<DeviceCertificateAuthority>();
            var release = IdleTlsBuffers(kestrel.ApplicationServices, options);
            if (options.MqttPort != 0)
            {
                var services = kestrel.ApplicationServices;
                kestrel.Listen(IPAddress.Parse(options.BindAddress), options.MqttPort, listen =>
                {
                    // Before TLS: a connection over the per-address limit costs no handshake.
                    listen.Use(services.GetRequiredService<ConnectionsPerAddress>().Wrap);
                    listen.UseHttps(ca.ServerCertificate);
                    if (release is not null) listen.Use(release.AfterHandshake);
                    listen.Use(services.GetRequiredService<ProtocolErrorCounter>().Wrap);
                    listen.Use(services.GetRequiredService<PacketSizeLimit>().Wrap);
                    listen.UseMqtt();
                });
            }
            // IoT Hub SDKs speak wss:// only, so MQTT over WebSockets needs an HTTPS listener; it serves
            // the whole app (API too) with the gateway's private-CA certificate.
            var httpsPort = builder.Configuration.GetValue<int>("Http:HttpsPort");
            if (httpsPort != 0)
            {
                var bind = builder.Configuration["Http:BindAddress"] ?? "127.0.0.1";
                kestrel.Listen(IPAddress.Parse(bind), httpsPort, listen =>
                {
                    listen.UseHttps(ca.ServerCertificate);
                    if (release is not null) listen.Use(release.AfterHandshake);
                });
            }
        });
        return builder;
    }

    // Idle watches should not each pin OpenSSL's two record buffers (see TlsBufferRelease); says once whether it works here.
    private static TlsBufferRelease? IdleTlsBuffers(IServiceProvider services, GatewayOptions options)
    {
        if (!options.ReleaseIdleTlsBuffers) return null;
        var release = services.GetRequiredService<TlsBufferRelease>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TlsBufferRelease));
        if (release.Available) logger.LogInformation("TLS connections release their record buffers while idle");
        else logger.LogWarning("TLS connections keep their record buffers while idle (about 34 KB each): {Reason}", release.Unavailable);
        return release.Available ? release : null;
    }

    /// <summary>The path of MQTT over WebSockets, as IoT Hub serves it.</summary>
    public const string WebSocketPath = "/$iothub/websocket";

    /// <summary>
    /// Completes the gateway after <c>Build()</c>: maps MQTT over WebSockets at <c>/$iothub/websocket</c>
    /// (subprotocol <c>mqtt</c>) on the HTTP and HTTPS listeners, fed into the same MQTT server with the same
    /// guards as the TLS listener (<see cref="WebSocketMqttHandler"/>). The endpoint allows anonymous HTTP: a watch
    /// authenticates in its MQTT CONNECT (SAS token), as on IoT Hub.
    /// </summary>
    public static WebApplication MapDeviceGateway(this WebApplication app)
    {
        // Resolve eagerly so a broken CA folder fails the start, not the first device.
        _ = app.Services.GetRequiredService<DeviceCertificateAuthority>();
        // Anonymous at the HTTP layer: a watch authenticates inside MQTT (SAS token in CONNECT), as with IoT Hub.
        app.MapConnectionHandler<WebSocketMqttHandler>(WebSocketPath, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.WebSockets.SubProtocolSelector = MqttSubProtocolSelector.SelectSubProtocol;
        }).AllowAnonymous();
        return app;
    }
}
