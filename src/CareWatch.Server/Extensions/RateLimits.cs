using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Extensions;

/// <summary>The named ASP.NET Core rate-limiting policies; a refused request answers 429 problem+json.</summary>
public static class RateLimits
{
    /// <summary>Per client IP, strict, for sign-in: <c>.RequireRateLimiting(RateLimits.SignIn)</c>.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Per signed-in user, else per client IP, generous: for every <c>/api</c> group.</summary>
    public const string Api = "api";

    /// <summary>Registers both policies with limits from <see cref="RateLimitOptions"/>.</summary>
    public static WebApplicationBuilder AddCareWatchRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            // Only attempts count: showing the form again (after a typo) costs nothing.
            o.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("ip:" + Address(context),
                    _ => Window(Limits(context).SignInPermits, Limits(context).SignInWindow))
                : RateLimitPartition.GetNoLimiter("form"));
            o.AddPolicy(Api, context => RateLimitPartition.GetFixedWindowLimiter(UserOrAddress(context),
                _ => Window(Limits(context).ApiPermits, Limits(context).ApiWindow)));
            o.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var detail = "Too many requests from this client.";
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                    context.Response.Headers.RetryAfter =
                        seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    detail += $" Try again in {seconds} s.";
                }
                await HttpProblems.WriteAsync(
                    context, StatusCodes.Status429TooManyRequests, "Too many requests", detail);
            };
        });
        return builder;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    // Behind a reverse proxy every client has the proxy's address unless forwarded headers are configured.
    private static string Address(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserOrAddress(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return "ip:" + Address(context);
        return "user:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? Address(context));
    }
}
