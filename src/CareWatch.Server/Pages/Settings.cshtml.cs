using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Server.Extensions;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareWatch.Server.Pages;

/// <summary>
/// A signed-in person's own settings: language and time zone (remembered in their account), and for staff and
/// supervisors how non-urgent notifications reach them (channels, quiet hours; urgent alarms always do).
/// </summary>
public sealed class SettingsModel(SignInManager<UserAccount> signIn, NotificationPreferencesStore preferences,
    IAuditTrail audit, IStringLocalizer<SettingsModel> words) : PageModel
{
    /// <summary>Time zones offered (IANA ids, sorted).</summary>
    public static readonly IReadOnlyList<string> TimeZones = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>The chosen language.</summary>
    [BindProperty] public string? Culture { get; set; }

    /// <summary>The chosen time zone (IANA id), or empty for the browser's.</summary>
    [BindProperty] public string? TimeZone { get; set; }

    /// <summary>Channels for non-urgent notifications (staff and supervisors).</summary>
    [BindProperty] public List<string> Channels { get; set; } = [];

    /// <summary>Quiet hours start.</summary>
    [BindProperty] public TimeOnly? QuietFrom { get; set; }

    /// <summary>Quiet hours end.</summary>
    [BindProperty] public TimeOnly? QuietUntil { get; set; }

    /// <summary>Whether this person has notification preferences (staff and supervisors).</summary>
    public bool HasNotifications => User.IsInRole(CareWatchRoles.Staff) || User.IsInRole(CareWatchRoles.Supervisor);

    /// <summary>Shown once after saving.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>Shows the form with what is stored.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } account) return Challenge();
        Culture = CareWatchCultures.Match(account.Culture) ?? CareWatchCultures.Match(
            System.Globalization.CultureInfo.CurrentUICulture.Name);
        TimeZone = account.TimeZone;
        if (HasNotifications && await preferences.FindAsync(account.Id, HttpContext.RequestAborted) is { } p)
            (Channels, QuietFrom, QuietUntil) = (p.Channels.ToList(), p.QuietFrom, p.QuietUntil);
        return Page();
    }

    /// <summary>Validates and stores; the new language applies from the next page on.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } account) return Challenge();
        var culture = CareWatchCultures.Match(Culture);
        if (culture is null) ModelState.AddModelError(nameof(Culture), words["Choose one of the languages."]);
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim();
        if (zone is not null && !TimeZones.Contains(zone))
            ModelState.AddModelError(nameof(TimeZone), words["Choose a time zone from the list."]);
        var chosen = new NotificationPreferences(Channels.Distinct().ToList(), QuietFrom, QuietUntil);
        if (HasNotifications && chosen.Invalid() is { } invalid)
            ModelState.AddModelError(invalid.Field == "channels" ? nameof(Channels) : nameof(QuietUntil),
                words["Quiet hours need a start and a different end."]);
        if (!ModelState.IsValid) return Page();
        account.Culture = culture;
        account.TimeZone = zone;
        await signIn.UserManager.UpdateAsync(account);
        await signIn.RefreshSignInAsync(account);
        CareWatchCultures.Remember(Response, culture!);
        if (HasNotifications && await preferences.UpdateAsync(account.Id, chosen, HttpContext.RequestAborted))
            await audit.RecordAsync(User, AuditActions.NotificationPreferencesChanged, account.Id.ToString(),
                new { chosen.Channels, quietHours = chosen.QuietFrom is not null }, ct: HttpContext.RequestAborted);
        // Said in the language just chosen: the next page is in it.
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture!);
        Message = words["Saved."];
        return RedirectToPage();
    }
}
