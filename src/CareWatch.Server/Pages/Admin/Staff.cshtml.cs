using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// /Admin/Staff (supervisors only): the bureau's accounts; create a staff member or supervisor, switch one off or on.
/// A generated password is shown once, in the answer to the POST itself, never kept for a redirect: it would
/// otherwise travel in a cookie and could come back with the browser's history.
/// </summary>
public sealed class StaffModel(StaffDirectory directory, StaffCommands commands, TimeProvider time) : AdminPageModel
{
    /// <summary>The new account's sign-in name.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>The name colleagues see.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>staff or supervisor.</summary>
    [BindProperty] public string? Role { get; set; } = CareWatchRoles.Staff;

    /// <summary>A password the supervisor sets; empty to have one generated.</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>The bureau's people.</summary>
    public IReadOnlyList<StaffMember> People { get; private set; } = [];

    /// <summary>The account just created and its generated password, shown once.</summary>
    public CreatedStaffMember? Created { get; private set; }

    /// <summary>Shows the accounts.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await SuperviseAsync();
        await LoadAsync(ct);
    }

    /// <summary>Creates an account; answers with the page itself (see the class).</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await commands.CreateAsync(User, new NewStaffMember(UserName, DisplayName, Role, Password), ct);
        await LoadAsync(ct);
        if (result.Value is null) return Refused(result.Errors);
        Created = result.Value;
        (UserName, DisplayName, Role, Password) = (null, null, CareWatchRoles.Staff, null);
        ModelState.Clear(); // the form starts empty for the next person
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>Switches an account off.</summary>
    public Task<IActionResult> OnPostDisableAsync(Guid accountId, CancellationToken ct) =>
        SetDisabledAsync(accountId, true, "Account switched off.", ct);

    /// <summary>Switches an account on again.</summary>
    public Task<IActionResult> OnPostEnableAsync(Guid accountId, CancellationToken ct) =>
        SetDisabledAsync(accountId, false, "Account switched on.", ct);

    private async Task<IActionResult> SetDisabledAsync(Guid accountId, bool disabled, string saved, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await commands.SetDisabledAsync(User, accountId, disabled, ct);
        if (result.Value is null) await LoadAsync(ct);
        return Outcome(result, saved);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        People = await directory.ListAsync(User.RequiredScope(), time.GetUtcNow().UtcDateTime, ct);
}
