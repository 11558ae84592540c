using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Privacy;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// /Admin/Consents/{id} (supervisors): who consented to what for a senior (the senior or a legal representative),
/// record a consent, withdraw one. The same rules and audit as ConsentsApi.
/// </summary>
public sealed class ConsentsModel(SeniorProfileStore seniors, ConsentStore store, ConsentCommands commands) : AdminPageModel
{
    /// <summary>senior or legal-representative.</summary>
    [BindProperty] public string? GivenBy { get; set; } = ConsentGivers.Senior;

    /// <summary>The representative's name, when one consents.</summary>
    [BindProperty] public string? Representative { get; set; }

    /// <summary>What the consent covers.</summary>
    [BindProperty] public List<string> Purposes { get; set; } = [];

    /// <summary>The senior.</summary>
    public SeniorProfile Senior { get; private set; } = null!;

    /// <summary>The senior's consents, oldest first.</summary>
    public IReadOnlyList<ConsentRecord> Consents { get; private set; } = [];

    /// <summary>Shows the consents.</summary>
    public async Task<IActionResult> OnGetAsync(Guid seniorId, CancellationToken ct)
    {
        await SuperviseAsync();
        return await LoadAsync(seniorId, ct) ? Page() : NotFound();
    }

    /// <summary>Records a consent given now.</summary>
    public async Task<IActionResult> OnPostRecordAsync(Guid seniorId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await commands.RecordAsync(User, seniorId, GivenBy, Representative, Purposes, null, ct);
        if (result.Value is null && !result.NotFound && !await LoadAsync(seniorId, ct)) return NotFound();
        return Outcome(result, "Consent recorded.", new { seniorId });
    }

    /// <summary>Withdraws a consent now.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid seniorId, long consentId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        if (!await commands.WithdrawAsync(User, seniorId, consentId, ct)) return NotFound();
        Saved = "Consent withdrawn.";
        return RedirectToPage(new { seniorId });
    }

    private async Task<bool> LoadAsync(Guid seniorId, CancellationToken ct)
    {
        var scope = User.RequiredScope();
        if (await seniors.FindAsync(scope, seniorId, ct) is not { } senior) return false;
        Senior = senior;
        Consents = await store.ListAsync(scope, seniorId, ct) ?? [];
        return true;
    }
}
