namespace CareWatch.Server.Extensions;

/// <summary>With Http:PlainHttp=Refuse on a non-loopback bind: every plain HTTP request answers 403.</summary>
internal sealed class PlainHttpRefusal(RequestDelegate next)
{
    /// <summary>Refuses the request unless it came over TLS.</summary>
    public Task InvokeAsync(HttpContext context) =>
        context.Request.IsHttps
            ? next(context)
            // 403 as IIS's 403.4 "SSL required".
            : HttpProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "HTTPS required",
                "This server answers plain HTTP on loopback only; use https:// on its HTTPS port.");
}
