using CareWatch.Server.Hubs;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Refuses (403) a state-changing request a browser sent on behalf of another site, before any endpoint runs.
/// CORS does not do this: it only hides the answer from the foreign page, and a "simple" cross-origin POST
/// (form or fetch with a text body) is sent, with the user's cookies, and executed all the same. Browsers
/// always tell where a request comes from (Origin on every cross-origin POST/PUT/PATCH/DELETE and WebSocket
/// handshake, Sec-Fetch-Site on all of them), so checking those stops cross-site request forgery and
/// cross-site WebSocket hijacking of the SignalR hub. Clients that are not browsers (the simulator, curl,
/// integrations) send neither header and pass; they authenticate with credentials a page cannot borrow.
/// </summary>
internal sealed class CrossOriginGuard(RequestDelegate next, IOptions<HttpOptions> options)
{
    private readonly HashSet<string> _allowed = new(options.Value.CorsOrigins.Select(o => o.TrimEnd('/')),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Lets same-origin, allow-listed and non-browser requests through.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (!Checked(context.Request) || IsAllowed(context.Request)) return next(context);
        return HttpProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-origin request refused",
            "State-changing requests and hub connections are accepted from this server's own pages only.");
    }

    // Unsafe methods everywhere; every method on the hub, whose WebSocket handshake and polling are GETs.
    private static bool Checked(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        || request.Path.StartsWithSegments(AlertsHub.Path);

    private bool IsAllowed(HttpRequest request)
    {
        var origin = Origin(request);
        if (origin is not null && _allowed.Contains(origin)) return true;
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
            return false;
        // Host was checked by host filtering, so the own origin built from it is one of ours.
        var own = $"{request.Scheme}://{request.Host}";
        return origin is null || string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
    }

    // Origin, or the origin of Referer when a browser left Origin out; "null" (sandboxed pages) never matches.
    private static string? Origin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return origin;
        var referer = request.Headers.Referer.ToString();
        if (referer.Length == 0) return null;
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "null";
    }
}
