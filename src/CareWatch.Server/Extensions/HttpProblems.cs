using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Extensions;

/// <summary>Writes the hardening middleware's refusals as application/problem+json.</summary>
internal static class HttpProblems
{
    /// <summary>Sets the status and writes a problem with a reason a client's developer can act on.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
