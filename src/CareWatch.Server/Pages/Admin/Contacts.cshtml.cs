using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// /Admin/Contacts/{id} (supervisors): the relatives and neighbours a senior's chain calls, in order: add, move to
/// another place, remove. The same rules and audit as ContactsApi.
/// </summary>
public sealed class ContactsModel(SeniorProfileStore seniors, ContactStore store, ContactCommands commands,
    InvitationCommands invitations) : AdminPageModel
{
    /// <summary>The new contact's name.</summary>
    [BindProperty] public string? Name { get; set; }

    /// <summary>How they relate to the senior (daughter, neighbour).</summary>
    [BindProperty] public string? Relation { get; set; }

    /// <summary>The language their messages are in.</summary>
    [BindProperty] public string? Language { get; set; }

    /// <summary>E-mail address.</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>Phone number for text messages.</summary>
    [BindProperty] public string? Phone { get; set; }

    /// <summary>Their place in the chain.</summary>
    [BindProperty] public int? ChainOrder { get; set; }

    /// <summary>How they are reached.</summary>
    [BindProperty] public List<string> Channels { get; set; } = [];

    /// <summary>The contact being edited (?edit=id), or null when the form adds one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }

    /// <summary>The senior.</summary>
    public SeniorProfile Senior { get; private set; } = null!;

    /// <summary>A sign-in invitation just made (shown once, not kept), and whom it is for.</summary>
    public (string Link, string ContactName)? Invitation { get; private set; }

    /// <summary>The senior's contacts in chain order.</summary>
    public IReadOnlyList<ContactRecord> Contacts { get; private set; } = [];

    /// <summary>Shows the contacts.</summary>
    public async Task<IActionResult> OnGetAsync(Guid seniorId, CancellationToken ct)
    {
        await SuperviseAsync();
        if (!await LoadAsync(seniorId, ct)) return NotFound();
        if (Edit is { } id)
        {
            if (Contacts.FirstOrDefault(c => c.Id == id) is not { } c) return NotFound();
            (Name, Relation, Language, Email, Phone, ChainOrder, Channels) =
                (c.Name, c.Relation, c.Language, c.Email, c.Phone, c.ChainOrder, [.. c.Channels]);
            return Page();
        }
        (Language, ChainOrder, Channels) = (Senior.Language, Contacts.Count == 0 ? 1 : Contacts.Max(c => c.ChainOrder) + 1, ["email"]);
        return Page();
    }

    /// <summary>Saves the edited contact (their quiet hours, which they set themselves, stay as they are).</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid seniorId, Guid contactId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        if (!await LoadAsync(seniorId, ct) || Contacts.FirstOrDefault(c => c.Id == contactId) is not { } c) return NotFound();
        Edit = contactId;
        var input = new ContactInput(Name, Relation, Language, ContactInput.Clean(Email), ContactInput.Clean(Phone),
            ChainOrder ?? 0, Channels, c.QuietFrom, c.QuietUntil);
        return Outcome(await commands.UpdateAsync(User, seniorId, contactId, input, ct), "Contact saved.", new { seniorId, edit = (Guid?)null });
    }

    /// <summary>Adds a contact.</summary>
    public async Task<IActionResult> OnPostAddAsync(Guid seniorId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var input = new ContactInput(Name, Relation, Language, ContactInput.Clean(Email), ContactInput.Clean(Phone),
            ChainOrder ?? 0, Channels, null, null);
        var result = await commands.CreateAsync(User, seniorId, input, ct);
        if (result.Value is null && !result.NotFound && !await LoadAsync(seniorId, ct)) return NotFound();
        return Outcome(result, "Contact added.", new { seniorId });
    }

    /// <summary>Moves a contact to another place in the chain (keeping everything else).</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid seniorId, Guid contactId, int place, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        if (!await LoadAsync(seniorId, ct) || Contacts.FirstOrDefault(c => c.Id == contactId) is not { } c) return NotFound();
        var input = new ContactInput(c.Name, c.Relation, c.Language, c.Email, c.Phone, place, c.Channels, c.QuietFrom,
            c.QuietUntil);
        var result = await commands.UpdateAsync(User, seniorId, contactId, input, ct);
        // The place is typed in the row, not in the form below: its error is shown above the form.
        return result.Value is null && !result.NotFound
            ? Refused(result.Errors.ToDictionary(e => e.Key == "chainOrder" ? "place" : e.Key, e => e.Value))
            : Outcome(result, "Contact moved.", new { seniorId });
    }

    /// <summary>Removes a contact.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid seniorId, Guid contactId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        if (!await commands.DeleteAsync(User, seniorId, contactId, ct)) return NotFound();
        Saved = "Contact removed.";
        return RedirectToPage(new { seniorId });
    }

    /// <summary>Makes a sign-in invitation for a contact and shows its link once, for the supervisor to hand over.</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid seniorId, Guid contactId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var result = await invitations.InviteAsync(User, seniorId, contactId, ct);
        if (result.NotFound || !await LoadAsync(seniorId, ct)) return NotFound();
        if (result.Value is not { } token) return Refused(result.Errors);
        var link = Url.Page("/Account/Invite", null, new { token }, Request.Scheme)!;
        Invitation = (link, Contacts.First(c => c.Id == contactId).Name);
        (Language, ChainOrder, Channels) = (Senior.Language, Contacts.Max(c => c.ChainOrder) + 1, ["email"]);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid seniorId, CancellationToken ct)
    {
        var scope = User.RequiredScope();
        if (await seniors.FindAsync(scope, seniorId, ct) is not { } senior) return false;
        Senior = senior;
        Contacts = await store.ListAsync(scope, seniorId, ct) ?? [];
        return true;
    }
}
