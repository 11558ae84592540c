using CareWatch.Server.Accounts;

namespace CareWatch.Server.Extensions;

/// <summary>The server-rendered pages: the board and the sign-in pages.</summary>
public static class PagesExtensions
{
    /// <summary>Registers Razor Pages: the sign-in pages are open to anyone, every other page needs a signed-in user
    /// (and the board a bureau or a senior).</summary>
    public static WebApplicationBuilder AddCareWatchPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            // The board shows a bureau's or a senior's alerts: accounts without either (an admin) are turned away.
            o.Conventions.AuthorizePage("/Index", CareWatchPolicies.SeniorData);
            o.Conventions.AuthorizeFolder("/Family", CareWatchPolicies.Relative);
            o.Conventions.AllowAnonymousToFolder("/Account");
            // A relative's signed link is its own authorisation (Pages/Respond.cshtml.cs).
            o.Conventions.AllowAnonymousToPage("/Respond");
        }).AddViewLocalization();
        return builder;
    }
}
