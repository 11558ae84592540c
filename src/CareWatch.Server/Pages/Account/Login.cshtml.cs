using CareWatch.Server.Audit;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using CareWatch.Server.Extensions;

namespace CareWatch.Server.Pages.Account;

/// <summary>
/// Staff, supervisors, relatives and admins sign in here with Identity: a wrong password counts towards the lockout,
/// and the answer never says whether the user name exists. Attempts are rate-limited per address ("sign-in").
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(
    SignInManager<UserAccount> signIn, IAuditTrail audit, IStringLocalizer<LoginModel> words, ILogger<LoginModel> logger)
    : PageModel
{
    /// <summary>The typed user name, shown again after a failure.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>The typed password (never shown or logged).</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Where to go after signing in (a local path only).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet() { }

    /// <summary>Checks the password; on success sets the sign-in cookie and returns to where the user was going.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = words["Enter your user name and password."];
            return Page();
        }
        // Found once for the sign-in and its audit entry; an unknown name fails like a wrong password.
        var account = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        var result = account is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        await RecordAsync(account, result);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : HomeOf(account!));
        // The typed name may be a mistyped password or someone else's name: it is not logged.
        logger.LogInformation("Sign-in refused ({Reason})", result.IsLockedOut ? "locked out" : "wrong credentials");
        Error = result.IsLockedOut
            ? words["This account is locked after repeated failed sign-ins. Try again in 15 minutes, or ask your supervisor."]
            : words["The user name or password is not right."];
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized;
        return Page();
    }

    // Audited by account id, in the account's bureau's log; a name that matches no account is recorded without it
    // (it may be a mistyped password).
    // Where a sign-in lands without a page to return to: a relative on their own senior's page, everyone else on
    // the alert queue.
    private static string HomeOf(UserAccount account) => account.Role == Accounts.CareWatchRoles.Relative ? "/Family" : "/";

    private async Task RecordAsync(UserAccount? account, SignInResult result)
    {
        var actor = new AuditActor(AuditActorKind.User, account?.Id.ToString(), null);
        var action = result.Succeeded ? AuditActions.SignInSucceeded : AuditActions.SignInFailed;
        var reason = result.Succeeded ? null : result.IsLockedOut ? "locked-out" : "wrong-credentials";
        await audit.RecordAsync(actor, action, account?.BureauId, account?.Id.ToString(),
            reason is null ? null : new { reason }, account?.SeniorId, HttpContext.RequestAborted);
    }
}
