using CareWatch.Server.Accounts;

namespace CareWatch.Server.Extensions;

/// <summary>The server-rendered pages: the board and the sign-in pages.</summary>
public static class PagesExtensions
{
    /// <summary>Registers Razor Pages: the sign-in pages are open to anyone, every other page needs a signed-in user.</summary>
    public static WebApplicationBuilder AddCareWatchPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
        });
        builder.Services.AddHttpsRedirection(o =>
        {
            o.HttpsPort = builder.Configuration.GetValue<int?>("Http:HttpsPort") is > 0 and var port ? port : null;
        });
        return builder;
    }

    /// <summary>
    /// Pages are served over HTTPS only: the sign-in and anti-forgery cookies are Secure, so a page over plain HTTP
    /// could not sign anyone in. Plain HTTP stays for programs on loopback (the API with a key, health probes).
    /// </summary>
    public static WebApplication UsePagesOverHttps(this WebApplication app)
    {
        app.UseWhen(ctx => !ctx.Request.IsHttps && !IdentityExtensions.IsMachinePath(ctx.Request.Path),
            branch => branch.UseHttpsRedirection());
        return app;
    }
}
