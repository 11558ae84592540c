using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareWatch.Server.Extensions;

/// <summary>Liveness and readiness through ASP.NET Core health checks.</summary>
public static class HealthExtensions
{
    /// <summary>The tag of the checks behind /health/ready.</summary>
    internal const string ReadyTag = "ready";

    /// <summary>
    /// Registers the readiness checks, one per dependency: PostgreSQL (and the schema), the device gateway's
    /// listener, the Orleans cluster, the SMTP relay. The registered timeout only cancels a check's token, which a hung database
    /// call does not heed; each check therefore bounds its own wait (its budget) and the timeout is the backstop.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchHealthChecks(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(StorageExtensions.ConnectionStringName)!;
        // One instance (AddCheck<T> would build a new one, and a new probe pool, per request).
        builder.Services.AddSingleton(_ => new DatabaseReadyHealthCheck(
            DatabaseReadyHealthCheck.CreateProbe(connectionString)));
        builder.Services.AddSingleton<GatewayReadyHealthCheck>();
        builder.Services.AddSingleton<OrleansReadyHealthCheck>();
        builder.Services.AddSingleton<SmtpReadyHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: [ReadyTag],
                timeout: DatabaseReadyHealthCheck.Budget + TimeSpan.FromSeconds(2))
            .AddCheck<GatewayReadyHealthCheck>("gateway", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(1))
            .AddCheck<OrleansReadyHealthCheck>("orleans", tags: [ReadyTag],
                timeout: OrleansReadyHealthCheck.Budget + TimeSpan.FromSeconds(2))
            // Degraded, not unhealthy: an SMTP outage delays mail (the outbox retries) but must not take the node out.
            .AddCheck<SmtpReadyHealthCheck>("smtp", HealthStatus.Degraded, tags: [ReadyTag],
                timeout: SmtpReadyHealthCheck.Budget + TimeSpan.FromSeconds(2));
        return builder;
    }

    /// <summary>GET /health/live (the process answers) and GET /health/ready (200, or 503 with the reason).</summary>
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        // Anonymous: load balancers and orchestrators probe without credentials, and the answers hold no data.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), reason = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
