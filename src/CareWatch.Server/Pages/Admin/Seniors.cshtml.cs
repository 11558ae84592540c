using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>/Admin/Seniors: the bureau's seniors with their watches; supervisors add one here.</summary>
public sealed class SeniorsModel(SeniorProfileStore store, SeniorCommands commands) : AdminPageModel
{
    /// <summary>The new senior's name.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>The new senior's IANA time zone (default the bureau's).</summary>
    [BindProperty] public string? TimeZone { get; set; }

    /// <summary>The new senior's language.</summary>
    [BindProperty] public string? Language { get; set; }

    /// <summary>The bureau's seniors by name.</summary>
    public IReadOnlyList<SeniorProfile> Seniors { get; private set; } = [];

    /// <summary>Shows the list (and the form, to supervisors).</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await SuperviseAsync();
        TimeZone = await store.BureauTimeZoneAsync(User.RequiredScope(), ct);
        Language = "en";
        Seniors = await store.ListAsync(User.RequiredScope(), ct);
    }

    /// <summary>Adds the senior and opens their page, where the next step is their watch.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await commands.CreateAsync(User, new SeniorInput(DisplayName, TimeZone, Language), ct);
        if (result.Value is not { } senior)
        {
            Seniors = await store.ListAsync(User.RequiredScope(), ct);
            return Refused(result.Errors);
        }
        Saved = "Senior added. Now assign a watch.";
        return RedirectToPage("Senior", new { seniorId = senior.Id });
    }
}
