using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Escalation;

namespace CareWatch.Server.Administration;

/// <summary>Adding and removing shifts of the rota, validated and audited (/api/bureau/shifts and the rota page).</summary>
public sealed class ShiftCommands(ShiftStore store, IAuditTrail audit)
{
    /// <summary>
    /// The longest shift (7 days). A longer one is almost always a typo in the end date, and it would quietly make one
    /// person the only one called (nobody on duty calls every staff member instead).
    /// </summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    /// <summary>Adds a shift for a staff member or supervisor of the caller's bureau.</summary>
    public async Task<AdminResult<StaffShift>> AddAsync(ClaimsPrincipal user, Guid userId, DateTimeOffset? startsAt,
        DateTimeOffset? endsAt, CancellationToken ct = default)
    {
        if (startsAt is not { } starts) return AdminResult<StaffShift>.Invalid("startsAt", "Required.");
        if (endsAt is not { } ends) return AdminResult<StaffShift>.Invalid("endsAt", "Required.");
        if (ends <= starts) return AdminResult<StaffShift>.Invalid("endsAt", "After the start.");
        if (ends - starts > MaxLength) return AdminResult<StaffShift>.Invalid("endsAt", "At most 7 days after the start.");
        var (status, shift) = await store.AddAsync(user.RequiredScope(), userId, starts.UtcDateTime, ends.UtcDateTime, ct);
        if (status == ShiftAddStatus.NotBureauStaff)
            return AdminResult<StaffShift>.Invalid("userId", "Not a staff member or supervisor of this bureau.");
        await audit.RecordAsync(user, AuditActions.ShiftAdded, shift!.Id.ToString(),
            new { userId = shift.UserId, shift.StartsAt, shift.EndsAt }, ct: ct);
        return AdminResult<StaffShift>.Done(shift);
    }

    /// <summary>Removes a shift of the caller's bureau; false when it has none by that id.</summary>
    public async Task<bool> DeleteAsync(ClaimsPrincipal user, long shiftId, CancellationToken ct = default)
    {
        if (!await store.DeleteAsync(user.RequiredScope(), shiftId, ct)) return false;
        await audit.RecordAsync(user, AuditActions.ShiftDeleted, shiftId.ToString(), ct: ct);
        return true;
    }
}
