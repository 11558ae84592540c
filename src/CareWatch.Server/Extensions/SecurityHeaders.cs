namespace CareWatch.Server.Extensions;

/// <summary>
/// Security headers on every answer. Added when the answer starts rather than before the next middleware,
/// because the exception handler clears the headers of a failed answer before it writes its problem.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Only the server's own scripts, styles and connections (SignalR's WebSocket included: CSP 3 'self'
    /// covers ws/wss of the same host); no inline script, so an injected senior's name cannot run; no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Browser features the board never uses, turned off for it and anything it embeds.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>Adds the headers when the answer starts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY"; // for browsers older than frame-ancestors
            headers.XContentTypeOptions = "nosniff";
            // No URL (they carry senior and alert ids) leaks to another site through Referer.
            // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with its own forms' POSTs,
            // which the cross-origin guard must refuse; same-origin still tells other sites nothing.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
