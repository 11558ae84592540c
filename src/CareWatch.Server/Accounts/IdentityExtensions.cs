using CareWatch.Server.Extensions;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Accounts;

/// <summary>Staff sign-in: ASP.NET Core Identity over CareWatch's own account table, with cookie authentication.</summary>
public static class IdentityExtensions
{
    /// <summary>The sign-in page.</summary>
    public const string LoginPath = "/Account/Login";

    /// <summary>
    /// Registers Identity (password hashing, lockout, security stamps) and its cookies. A shift is 12 hours, so a
    /// sign-in lasts that long while used; the security stamp is checked every minute, so a disabled account, a
    /// changed role or password ends every session of that person within a minute, on every node.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AccountStore>();
        services.AddSingleton<InvitationTokens>();
        services.AddIdentityCore<UserAccount>(o =>
            {
                // Shared screens in a bureau office: long passwords beat composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddUserStore<UserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddAuthentication().AddIdentityCookies(); // the default scheme is set in AuthorizationExtensions
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CareWatch.SignIn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // An API or hub call gets a status, never a redirect to an HTML page it cannot show.
            o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CookieApiAntiforgery.HeaderName;
            o.Cookie.Name = "CareWatch.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (MachinePaths.Contains(ctx.Request.Path))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
