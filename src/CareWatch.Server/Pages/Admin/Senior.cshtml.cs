using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// /Admin/Senior/{id}: a supervisor edits a senior (name, time zone, language) and assigns, swaps or takes off
/// their watch. Another bureau's senior is "not found".
/// </summary>
public sealed class SeniorModel(SeniorProfileStore store, SeniorCommands seniors, WatchCommands watches,
    DeviceStatusReader devices) : AdminPageModel
{
    /// <summary>The senior's name as typed.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>The senior's time zone as chosen.</summary>
    [BindProperty] public string? TimeZone { get; set; }

    /// <summary>The senior's language as chosen.</summary>
    [BindProperty] public string? Language { get; set; }

    /// <summary>The senior as stored.</summary>
    public SeniorProfile Senior { get; private set; } = null!;

    /// <summary>The bureau's watches that are not this senior's, with whom they are assigned to now.</summary>
    public IReadOnlyList<(string DeviceId, string? WornBy)> OtherWatches { get; private set; } = [];

    /// <summary>A watch registered just now, with its connection string (shown once, in this answer only).</summary>
    public RegisteredWatch? Registered { get; private set; }

    /// <summary>Shows the senior.</summary>
    public async Task<IActionResult> OnGetAsync(Guid seniorId, CancellationToken ct)
    {
        await SuperviseAsync();
        if (!await LoadAsync(seniorId, ct)) return NotFound();
        (DisplayName, TimeZone, Language) = (Senior.DisplayName, Senior.TimeZone, Senior.Language);
        return Page();
    }

    /// <summary>Saves the name, time zone and language.</summary>
    public async Task<IActionResult> OnPostProfileAsync(Guid seniorId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await seniors.UpdateAsync(User, seniorId, new SeniorInput(DisplayName, TimeZone, Language), ct);
        if (result.Value is null && !result.NotFound && !await LoadAsync(seniorId, ct)) return NotFound();
        return Outcome(result, "Saved.", new { seniorId });
    }

    /// <summary>Assigns a watch of the bureau to the senior (moving it from whoever wore it).</summary>
    public Task<IActionResult> OnPostAssignAsync(Guid seniorId, string? deviceId, CancellationToken ct) =>
        AssignAsync(seniorId, deviceId, seniorId, "Watch assigned.", ct);

    /// <summary>Takes a watch off the senior (it stays registered to the bureau, assigned to nobody).</summary>
    public Task<IActionResult> OnPostUnassignAsync(Guid seniorId, string? deviceId, CancellationToken ct) =>
        AssignAsync(seniorId, deviceId, null, "Watch taken off.", ct);

    /// <summary>
    /// Registers a new watch for the senior. Its connection string holds the watch's key, so it is answered in this
    /// response only (no redirect that would carry it in a cookie, no cache) for the person setting up the watch.
    /// </summary>
    public async Task<IActionResult> OnPostRegisterAsync(Guid seniorId, string? newDeviceId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await watches.RegisterAsync(User, Trimmed(newDeviceId), seniorId, ct);
        if (!await LoadAsync(seniorId, ct)) return NotFound();
        if (result.Value is null)
            return Refused(result.Errors.ToDictionary(e => e.Key == "deviceId" ? "newDeviceId" : e.Key, e => e.Value));
        Registered = result.Value;
        (DisplayName, TimeZone, Language) = (Senior.DisplayName, Senior.TimeZone, Senior.Language);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult> AssignAsync(Guid seniorId, string? deviceId, Guid? to, string saved,
        CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        if (!await LoadAsync(seniorId, ct)) return NotFound();
        (DisplayName, TimeZone, Language) = (Senior.DisplayName, Senior.TimeZone, Senior.Language);
        if (string.IsNullOrWhiteSpace(deviceId))
            return Refused(new Dictionary<string, string[]> { ["deviceId"] = ["Choose a watch."] });
        var result = await watches.AssignAsync(User, deviceId, to, ct);
        return result.NotFound
            ? Refused(new Dictionary<string, string[]> { ["deviceId"] = ["No such watch in this bureau."] })
            : Outcome(result, saved, new { seniorId });
    }

    private async Task<bool> LoadAsync(Guid seniorId, CancellationToken ct)
    {
        var scope = User.RequiredScope();
        if (await store.FindAsync(scope, seniorId, ct) is not { } senior) return false;
        Senior = senior;
        var names = (await store.ListAsync(scope, ct)).ToDictionary(s => s.Id, s => s.DisplayName);
        OtherWatches = (await devices.ListAsync(scope, null, ct)).Where(d => d.SeniorId != seniorId)
            .Select(d => (d.DeviceId, d.SeniorId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
        return true;
    }
}
