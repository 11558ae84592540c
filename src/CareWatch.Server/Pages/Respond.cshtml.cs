using CareWatch.Monitoring.Lifecycle;
using CareWatch.Server.Adapters;
using CareWatch.Server.Audit;
using CareWatch.Storage.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using CareWatch.Server.Extensions;

namespace CareWatch.Server.Pages;

/// <summary>
/// Where a relative's "I'm checking on her" link leads. The signed link is the authorisation (no account needed):
/// it names one alert and one contact and expires. Opening it changes nothing — mail scanners open links — and
/// only the button (a POST with an anti-forgery token) records the answer.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RespondModel(SignedRelativeLinks links, AlertTransitions alerts, RelativeAnswer answer) : PageModel
{
    /// <summary>The signed link's token.</summary>
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>The senior's name, for the question on the page (the relative already knows it from the message).</summary>
    public string? SeniorName { get; private set; }

    /// <summary>What the page says: ask, thanks, closed, or an expired link.</summary>
    public RespondState State { get; private set; } = RespondState.Ask;

    /// <summary>Shows the question, or why the link no longer works.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (links.Read(Token) is not { } link || await alerts.FindAsync(link.AlertId, ct) is not { } alert)
            return Expired();
        SeniorName = alert.SeniorName;
        State = alert.Status is AlertStates.Resolved or AlertStates.Cancelled ? RespondState.Closed : RespondState.Ask;
        return Page();
    }

    /// <summary>Records the answer on the alert for staff.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (links.Read(Token) is not { } link) return Expired();
        var status = await answer.CheckingAsync(link.AlertId, link.ContactId, ct);
        if (status == RelativeAnswerStatus.NotFound) return Expired();
        SeniorName = (await alerts.FindAsync(link.AlertId, ct))?.SeniorName;
        State = status == RelativeAnswerStatus.Recorded ? RespondState.Thanks : RespondState.Closed;
        return Page();
    }

    private PageResult Expired()
    {
        State = RespondState.Expired;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>What the Respond page shows.</summary>
public enum RespondState
{
    /// <summary>The question and the button.</summary>
    Ask,
    /// <summary>The answer is recorded.</summary>
    Thanks,
    /// <summary>The alert is closed already.</summary>
    Closed,
    /// <summary>The link is wrong or expired.</summary>
    Expired,
}
