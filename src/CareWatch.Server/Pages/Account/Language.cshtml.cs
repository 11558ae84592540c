using CareWatch.Server.Extensions;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareWatch.Server.Pages.Account;

/// <summary>
/// The one-click language switch in every page's header: remembered in this browser (a cookie) and, for a
/// signed-in person, in their account, so the night-shift tablet speaks their language after they sign in.
/// </summary>
public sealed class LanguageModel(SignInManager<UserAccount> signIn) : PageModel
{
    /// <summary>Nothing to show: the switch is a form on every page.</summary>
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Switches to <paramref name="culture"/> (en, de or zh-Hans) and returns to the page the person was on.</summary>
    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (CareWatchCultures.Match(culture) is not { } chosen) return BadRequest();
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true,
                Secure = Request.IsHttps, SameSite = SameSiteMode.Lax });
        if (User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(User) is { } account
            && account.Culture != chosen)
        {
            account.Culture = chosen;
            await signIn.UserManager.UpdateAsync(account);
            await signIn.RefreshSignInAsync(account); // the claim the next requests read
        }
        return LocalRedirect(back);
    }
}
