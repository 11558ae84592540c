using System.ComponentModel.DataAnnotations;

namespace CareWatch.Server.Extensions;

/// <summary>The co-hosted Orleans silo. Bound from the "Orleans" configuration section.</summary>
public sealed class OrleansOptions
{
    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cluster id; nodes of one deployment share it.</summary>
    [Required]
    public string ClusterId { get; set; } = "carewatch";
}

/// <summary>Hosts an Orleans silo inside the server process.</summary>
public static class OrleansExtensions
{
    /// <summary>Single node: localhost clustering. A cluster would configure a shared membership store here.</summary>
    public static WebApplicationBuilder AddCareWatchOrleans(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Orleans").Get<OrleansOptions>() ?? new OrleansOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "carewatch", clusterId: options.ClusterId);
            // Grain calls carry the caller's trace (W3C traceparent in the request context), so a monitor's alert
            // belongs to the trace of the device message that caused it (TracingExtensions listens to the source).
            silo.AddActivityPropagation();
        });
        return builder;
    }
}
