using CareWatch.Server.Administration;
using CareWatch.Server.Extensions;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CareWatch.Server.Pages.Account;

/// <summary>
/// Where a relative's sign-in invitation leads: they choose a user name and password and are signed in to their
/// page. The signed, time-limited token is the authorisation; an invitation already taken up, expired or altered
/// shows one plain sentence (404), never which contact or senior it named.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class InviteModel(InvitationCommands invitations, SignInManager<UserAccount> signIn) : PageModel
{
    /// <summary>The invitation's token.</summary>
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>The user name they choose.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>Their name as the bureau's staff see it.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>The password they choose.</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>The password again.</summary>
    [BindProperty] public string? ConfirmPassword { get; set; }

    /// <summary>Whose relative they are (they know her; the supervisor invited them as her contact).</summary>
    public string? SeniorName { get; private set; }

    /// <summary>The refused form's errors by field (English text, translated by the page).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Shows the form, or why the invitation no longer works.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await invitations.FindAsync(Token, ct) is not { } invited) return Expired();
        SeniorName = invited.SeniorName;
        DisplayName = invited.Contact.Name;
        return Page();
    }

    /// <summary>Makes the account, signs them in and opens their page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invitations.AcceptAsync(Token, new NewRelativeAccount(UserName, DisplayName, Password,
            ConfirmPassword), ct);
        if (result.NotFound) return Expired();
        if (result.Value is not { } account)
        {
            SeniorName = (await invitations.FindAsync(Token, ct))?.SeniorName;
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await signIn.SignInAsync(account, isPersistent: false);
        if (account.Culture is { } culture) CareWatchCultures.Remember(Response, culture);
        return LocalRedirect("/Family");
    }

    private PageResult Expired()
    {
        SeniorName = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
