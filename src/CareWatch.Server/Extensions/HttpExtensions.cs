using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CareWatch.Server.Extensions;

/// <summary>Where the dashboard and API listen. Bound from the "Http" configuration section.</summary>
public sealed class HttpOptions
{
    /// <summary>HTTP port of the dashboard and API.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>Address to bind; loopback by default, because the API has no login yet.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";
}

/// <summary>Kestrel's HTTP listener.</summary>
public static class HttpExtensions
{
    /// <summary>
    /// Listens in code rather than through --urls, because the device gateway adds its own MQTT listener
    /// in code and Kestrel ignores --urls once any listener is configured in code.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpOptions>().BindConfiguration("Http").ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection("Http").Get<HttpOptions>() ?? new HttpOptions();
        if (!IPAddress.TryParse(options.BindAddress, out var address))
            throw new InvalidOperationException($"Http:BindAddress '{options.BindAddress}' is not an IP address.");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        return builder;
    }
}
