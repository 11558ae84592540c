using System.Diagnostics.Metrics;
using CareWatch.Gateway;
using CareWatch.Monitoring.Metrics;
using CareWatch.Server.Accounts;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CareWatch.Server.Extensions;

/// <summary>
/// OpenTelemetry metrics, scraped by Prometheus at <see cref="Path"/>: CareWatch's own meters (gateway, monitors,
/// alerts, notifications), ASP.NET Core's and Npgsql's instruments, and Orleans'. The list of instruments and what
/// each means is in docs/operations.md.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>The scrape endpoint.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers the meter provider and the Prometheus exporter.</summary>
    public static WebApplicationBuilder AddCareWatchMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("carewatch"))
            .WithMetrics(metrics => metrics
                .AddMeter(GatewayMetrics.MeterName, MonitoringMetrics.MeterName, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddView(OnlyThisHostsMeters(services)));
        return builder;
    }

    /// <summary>
    /// OpenTelemetry subscribes to meters by name across the whole process, so a second host in the same process
    /// (tests run many; an operator might run a node and a tool side by side) would have its gateway, alert and
    /// ASP.NET Core figures exported here too, under the same names. Meters made through a host's
    /// <see cref="IMeterFactory"/> carry that factory as their scope: keep our own host's and drop any other host's.
    /// Meters made without a factory (Npgsql's, Orleans') belong to the process and stay.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHostsMeters(IServiceProvider services)
    {
        var own = services.GetRequiredService<IMeterFactory>();
        return instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own)
            ? MetricStreamConfiguration.Drop
            : null;
    }

    /// <summary>
    /// GET /metrics for administrators only: the figures are the whole installation's (every bureau's alert counts,
    /// this node's load), which no bureau may read. A scraper signs in as an administrator account.
    /// </summary>
    public static WebApplication MapMetricsApi(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(CareWatchPolicies.Admin);
        return app;
    }
}
