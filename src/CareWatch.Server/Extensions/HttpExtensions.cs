using System.Net;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Extensions;

/// <summary>Kestrel's HTTP listener and the HTTP hardening around every request.</summary>
public static class HttpExtensions
{
    /// <summary>
    /// Listens in code rather than through --urls, because the device gateway adds its own MQTT listener
    /// in code and Kestrel ignores --urls once any listener is configured in code. The HTTPS listener on
    /// <see cref="HttpOptions.HttpsPort"/> is opened by the gateway (it owns the certificate); this registers
    /// host filtering, CORS, problem details, HSTS, HTTPS redirection, rate limits and the production guard.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchHttp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.IsLoopback || o.HttpsPort != 0,
                "Http:BindAddress is not loopback, so Http:HttpsPort must not be 0: sign-ins and health data " +
                "would otherwise cross the network in clear")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || o.PublicBaseUri() is not null,
                "Http:PublicBaseUrl must be an absolute http:// or https:// address")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        if (!IPAddress.TryParse(options.BindAddress, out var address))
            throw new InvalidOperationException($"Http:BindAddress '{options.BindAddress}' is not an IP address.");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));

        // The web host already runs host filtering first in the pipeline (from "AllowedHosts"); this only
        // chooses the list, so a forged Host header (DNS rebinding, poisoned absolute links) answers 400.
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.AllowedHosts = AllowedHosts.From(config);
            o.IncludeFailureMessage = false; // its HTML body would be the one error that is not problem+json
        });
        // No default policy unless origins are configured: no policy, no Access-Control-Allow-Origin.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<HttpOptions>>((cors, http) =>
        {
            if (http.Value.CorsOrigins.Length == 0) return;
            cors.AddDefaultPolicy(p => p.WithOrigins(http.Value.CorsOrigins).AllowAnyHeader().AllowAnyMethod());
        });
        services.AddProblemDetails();
        // A year, the preload lists' minimum; loopback names are excluded by default, so developers keep http.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(o => o.HttpsPort = options.HttpsPort > 0 ? options.HttpsPort : null);
        builder.AddCareWatchRateLimits();
        builder.AddCareWatchProductionGuard();
        return builder;
    }

    /// <summary>
    /// The hardening that runs before static files and routing. The intended order of the whole pipeline:
    /// host filtering (added first by the web host) → this (exception handler, status-code problems, security
    /// headers, HSTS, HTTPS redirection or refusal (pages always go to HTTPS), cross-origin guard) → static files → UseRouting → UseCors →
    /// UseAuthentication → UseAuthorization → UseRateLimiter (after authentication, so "api" counts per user)
    /// → endpoints.
    /// </summary>
    public static WebApplication UseCareWatchHttp(this WebApplication app)
    {
        // Outermost, so a throw anywhere below becomes a problem+json 500 without a stack trace (Development
        // adds the developer page before this, which is what a developer wants).
        app.UseExceptionHandler();
        // Empty error answers (404, 405, 400 from a body that is not JSON) become problem+json too.
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // sent on HTTPS answers only
        var http = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        if (!http.IsLoopback)
        {
            if (http.PlainHttp == PlainHttpMode.Redirect) app.UseHttpsRedirection();
            else app.UseMiddleware<PlainHttpRefusal>();
        }
        else
        {
            // On loopback plain HTTP stays for programs; pages still go to HTTPS, because the sign-in and
            // anti-forgery cookies are Secure and a page over plain HTTP could not sign anyone in.
            app.UseWhen(ctx => !ctx.Request.IsHttps && !MachinePaths.Contains(ctx.Request.Path),
                branch => branch.UseHttpsRedirection());
        }
        app.UseMiddleware<CrossOriginGuard>();
        return app;
    }
}
