using System.Globalization;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Escalation;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// /Admin/Rota: who is on duty now and the coming shifts, which decide whom an alarm's "staff on duty" step calls.
/// Staff read it; supervisors add and remove shifts. Times are entered and shown in the bureau's time zone.
/// </summary>
public sealed class RotaModel(StaffDirectory staff, ShiftStore shifts, ShiftCommands commands, SeniorProfileStore bureaus,
    TimeProvider time) : AdminPageModel
{
    /// <summary>Whose shift it is (an account of the bureau).</summary>
    [BindProperty] public Guid? UserId { get; set; }

    /// <summary>The start as the browser's datetime-local field sends it (yyyy-MM-ddTHH:mm, bureau time).</summary>
    [BindProperty] public string? StartsAt { get; set; }

    /// <summary>The end, as <see cref="StartsAt"/>.</summary>
    [BindProperty] public string? EndsAt { get; set; }

    /// <summary>The bureau's people, with who is on duty now.</summary>
    public IReadOnlyList<StaffMember> People { get; private set; } = [];

    /// <summary>The shifts that have not ended, by start.</summary>
    public IReadOnlyList<StaffShift> Shifts { get; private set; } = [];

    /// <summary>The bureau's time zone, which the times are in.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Shows the rota.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await SuperviseAsync();
        await LoadAsync(ct);
    }

    /// <summary>Adds a shift.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        await LoadAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (UserId is null) errors["userId"] = ["Choose a person."];
        var starts = Parse(StartsAt, "startsAt", errors);
        var ends = Parse(EndsAt, "endsAt", errors);
        if (errors.Count > 0) return Refused(errors);
        return Outcome(await commands.AddAsync(User, UserId!.Value, starts, ends, ct), "Shift added.");
    }

    /// <summary>Removes a shift.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(long shiftId, CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        if (!await commands.DeleteAsync(User, shiftId, ct)) return NotFound();
        Saved = "Shift removed.";
        return RedirectToPage();
    }

    /// <summary>A stored UTC time in the bureau's zone, as the user's culture writes it.</summary>
    public string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("g", CultureInfo.CurrentCulture);

    private DateTimeOffset? Parse(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (!DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            errors[field] = ["A date and time."];
            return null;
        }
        // A time the clocks skip (the spring change) does not exist in the zone: say so rather than guess.
        if (Zone.IsInvalidTime(local))
        {
            errors[field] = ["This time does not exist here (the clocks change)."];
            return null;
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = User.RequiredScope();
        var now = time.GetUtcNow().UtcDateTime;
        if (await bureaus.BureauTimeZoneAsync(scope, ct) is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            Zone = zone;
        People = await staff.ListAsync(scope, now, ct);
        Shifts = await shifts.ListAsync(scope, now, ct);
    }
}
