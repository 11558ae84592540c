using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// What the administration pages share: a page may be read by the bureau's staff, but every change (a POST handler)
/// needs <see cref="CareWatchPolicies.BureauSupervise"/>, checked here rather than trusted to a hidden button.
/// After a change the page redirects to itself (post/redirect/get) with a one-line confirmation.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>The confirmation of the last change (kept for one request).</summary>
    [TempData] public string? Saved { get; set; }

    /// <summary>The refused form's errors.</summary>
    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>Whether the signed-in person may change what the page shows (a supervisor of the bureau).</summary>
    public bool CanManage { get; private set; }

    /// <summary>Sets <see cref="CanManage"/>; the pages call it first in every handler.</summary>
    protected async Task<bool> SuperviseAsync()
    {
        var auth = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        CanManage = (await auth.AuthorizeAsync(User, CareWatchPolicies.BureauSupervise)).Succeeded;
        return CanManage;
    }

    /// <summary>Shows the form again with its errors (400, so a client sees the refusal in the status too).</summary>
    protected IActionResult Refused(IReadOnlyDictionary<string, string[]> errors)
    {
        Errors = new FormErrors(errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The outcome of a command: the errors shown again, not found, or a redirect with a confirmation.</summary>
    protected IActionResult Outcome<T>(AdminResult<T> result, string saved, object? routeValues = null) where T : class
    {
        if (result.NotFound) return NotFound();
        if (result.Value is null) return Refused(result.Errors);
        Saved = saved;
        return RedirectToPage(routeValues);
    }
}
