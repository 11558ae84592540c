using CareWatch.Monitoring.Lifecycle;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareWatch.Server.Pages.Family;

/// <summary>
/// A relative's page: their senior's state now and recent alerts (outcomes, no staff notes), "I'm checking on
/// her", and how they are told (channels, quiet hours). Scoped to their senior by the sign-in (policy relative).
/// </summary>
public sealed class IndexModel(SeniorDirectory seniors, DeviceStatusReader devices, AlertQueries alerts,
    RelativeContacts contacts, RelativeAnswer answers, IAuditTrail audit, TimeProvider time,
    IStringLocalizer<IndexModel> words) : PageModel
{
    /// <summary>How far back the page lists alerts.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    /// <summary>The senior.</summary>
    public SeniorRecord Senior { get; private set; } = null!;

    /// <summary>Their watches' status.</summary>
    public IReadOnlyList<DeviceStatusRecord> Watches { get; private set; } = [];

    /// <summary>Alerts still open, most urgent first.</summary>
    public IReadOnlyList<AlertRecord> Active { get; private set; } = [];

    /// <summary>Closed alerts of the last 30 days, newest first.</summary>
    public IReadOnlyList<AlertRecord> Recent { get; private set; } = [];

    /// <summary>The relative's own contact row; null when their account is not linked to one.</summary>
    public ContactRecord? Contact { get; private set; }

    /// <summary>What the last action did (shown once after the redirect).</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>The clock the page was rendered on.</summary>
    public DateTime Now { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>"I'm checking on her" for one of the senior's open alerts.</summary>
    public async Task<IActionResult> OnPostCheckingAsync(long alertId)
    {
        if (!await LoadAsync()) return NotFound();
        if (Contact is null || Active.All(a => a.Id != alertId)) return NotFound();
        var status = await answers.CheckingAsync(alertId, Contact.Id, HttpContext.RequestAborted);
        Message = status == RelativeAnswerStatus.Recorded
            ? words["The care bureau can see that you are checking on {0}.", Senior.DisplayName]
            : words["This alert is already closed."];
        return RedirectToPage();
    }

    /// <summary>Replaces how the relative is told: channels and quiet hours.</summary>
    public async Task<IActionResult> OnPostPreferencesAsync(string[]? channels, TimeOnly? quietFrom, TimeOnly? quietUntil)
    {
        if (!await LoadAsync()) return NotFound();
        if (Contact is null || User.AccountId() is not { } account) return NotFound();
        var chosen = (channels ?? []).Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(c => !ContactInput.AllowedChannels.Contains(c)))
            ModelState.AddModelError("channels", words["Choose at least one way to be told."]);
        if ((quietFrom is null) != (quietUntil is null) || (quietFrom is not null && quietFrom == quietUntil))
            ModelState.AddModelError("quietUntil", words["Quiet hours need a start and a different end."]);
        if (!ModelState.IsValid) return Page();
        await contacts.UpdatePreferencesAsync(User.RequiredScope(), account, chosen, quietFrom, quietUntil,
            HttpContext.RequestAborted);
        await audit.RecordAsync(User, AuditActions.ContactUpdated, Contact.Id.ToString(),
            new { chosen, quietHours = quietFrom is not null }, Senior.Id, Senior.BureauId, HttpContext.RequestAborted);
        Message = words["Saved."];
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var scope = User.RequiredScope();
        var ct = HttpContext.RequestAborted;
        if (scope.SeniorId is not { } id || await seniors.FindSeniorAsync(scope, id, ct) is not { } senior) return false;
        Senior = senior;
        Now = time.GetUtcNow().UtcDateTime;
        Watches = await devices.ListAsync(scope, id, ct);
        var listed = (await alerts.ListBoardAsync(scope, Now - History, ct)).Select(n => n.Alert).ToList();
        Active = listed.Where(a => a.ClosedAt is null).OrderByDescending(a => a.Severity).ThenBy(a => a.StartedAt).ToList();
        Recent = listed.Where(a => a.ClosedAt is not null).OrderByDescending(a => a.ClosedAt).ToList();
        Contact = User.AccountId() is { } account ? await contacts.FindAsync(scope, account, ct) : null;
        return true;
    }
}
