using CareWatch.Gateway;
using CareWatch.Monitoring.Metrics;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry.Trace;

namespace CareWatch.Server.Extensions;

/// <summary>
/// OpenTelemetry traces and the correlation id in the logs. CareWatch's activity sources (a device message, the
/// monitor's alert, each notification's delivery, in one trace: docs/operations.md), Orleans' grain calls,
/// ASP.NET Core's requests and Npgsql's queries are always traced in process, so that every log line inside them
/// carries the trace id; spans leave the process only when an OTLP endpoint is configured.
/// </summary>
public static class TracingExtensions
{
    /// <summary>CareWatch's own setting for the collector (the standard OTEL_EXPORTER_OTLP_ENDPOINT works too).</summary>
    public const string OtlpEndpointKey = "Tracing:OtlpEndpoint";

    // Orleans' source for application grain calls (Orleans.Diagnostics.ActivitySources names it; a constant here
    // keeps the composition root off Orleans' internals). Without a listener its filter creates no activity, and the
    // grain would run outside the caller's trace.
    private const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Registers the tracer provider, the OTLP exporter when configured, and trace ids in log scopes.</summary>
    public static WebApplicationBuilder AddCareWatchTracing(this WebApplicationBuilder builder)
    {
        // TraceId and SpanId in every log scope, for any structured sink; the console prints the trace id alone
        // (unless Logging:Console:FormatterName picks another layout, such as json).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddConsoleFormatter<TraceIdConsoleFormatter, ConsoleFormatterOptions>();
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= TraceIdConsoleFormatter.Name);
        var endpoint = builder.Configuration[OtlpEndpointKey];
        var standard = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];
        builder.Services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing
                .AddSource(GatewayTracing.SourceName, MonitoringTracing.SourceName, OrleansApplicationSource)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql();
            // Off by default: tests and the demo export nothing and need no collector.
            if (!string.IsNullOrWhiteSpace(endpoint)) tracing.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
            else if (!string.IsNullOrWhiteSpace(standard)) tracing.AddOtlpExporter(); // reads the OTEL_* variables
        });
        return builder;
    }
}
