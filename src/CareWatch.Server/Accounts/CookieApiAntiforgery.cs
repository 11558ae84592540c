using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Accounts;

/// <summary>
/// Anti-forgery for API calls made with the sign-in cookie. Razor Pages forms validate their token themselves;
/// JSON API endpoints do not, and a browser attaches the cookie to any request it sends, so a state-changing API
/// call authenticated by the cookie must carry the page's anti-forgery token in <see cref="HeaderName"/>.
/// Calls with an API key carry no ambient credential and need no token.
/// </summary>
public sealed class CookieApiAntiforgery(RequestDelegate next)
{
    /// <summary>The header the board's scripts send the token in (from the page's csrf-token meta element).</summary>
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>Refuses a cookie-authenticated, state-changing API call without a valid token (400 problem).</summary>
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid",
                detail: $"A signed-in page must send its anti-forgery token in the {HeaderName} header.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        // Hub negotiation is a POST too, but a hub only reads and pushes; the origin check guards it.
        && context.Request.Path.StartsWithSegments("/api")
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
        && type == IdentityConstants.ApplicationScheme;
}
