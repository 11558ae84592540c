using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareWatch.Server.Pages.Account;

/// <summary>Signs out (a POST with the page's anti-forgery token, so a foreign page cannot sign a caregiver out).</summary>
public sealed class LogoutModel(SignInManager<UserAccount> signIn) : PageModel
{
    /// <summary>Ends the session and shows the signed-out page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage();
    }

    /// <summary>The signed-out page.</summary>
    public void OnGet() { }
}
