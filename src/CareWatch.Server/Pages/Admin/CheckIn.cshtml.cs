using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Bureaus;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// /Admin/CheckIn: how long "Are you OK?" waits on the watch before staff are called, a second prompt, and the
/// low-battery level. Staff read the settings; supervisors change them (the same rules and audit as the API).
/// </summary>
public sealed class CheckInModel(CheckInSettingsStore store, CheckInCommands commands) : AdminPageModel
{
    /// <summary>The window in seconds (a number field; empty or text is refused).</summary>
    [BindProperty] public int? WindowSeconds { get; set; }

    /// <summary>Ask a second time before calling staff.</summary>
    [BindProperty] public bool SecondPrompt { get; set; }

    /// <summary>The low-battery level in per cent.</summary>
    [BindProperty] public int? LowBatteryPercent { get; set; }

    /// <summary>Shows the form with the stored settings.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await SuperviseAsync();
        if (await store.FindAsync(User.RequiredScope(), ct) is not { } s) return NotFound();
        (WindowSeconds, SecondPrompt, LowBatteryPercent) = (s.WindowSeconds, s.SecondPrompt, s.LowBatteryPercent);
        return Page();
    }

    /// <summary>Saves the settings; new alerts use them.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var errors = new Dictionary<string, string[]>();
        if (WindowSeconds is null) errors["windowSeconds"] = ["A whole number of seconds."];
        if (LowBatteryPercent is null) errors["lowBatteryPercent"] = ["A whole number of per cent."];
        if (errors.Count > 0) return Refused(errors);
        var settings = new CheckInSettings(WindowSeconds!.Value, SecondPrompt, LowBatteryPercent!.Value);
        return Outcome(await commands.UpdateAsync(User, settings, ct), "Saved. New alerts use these settings.");
    }
}
