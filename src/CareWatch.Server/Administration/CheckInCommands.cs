using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Bureaus;

namespace CareWatch.Server.Administration;

/// <summary>Changing the bureau's check-in settings, validated and audited (/api/bureau/check-in and its page).</summary>
public sealed class CheckInCommands(CheckInSettingsStore store, IAuditTrail audit)
{
    /// <summary>Replaces the caller's bureau's settings; not found when the account has no bureau row.</summary>
    public async Task<AdminResult<CheckInSettings>> UpdateAsync(ClaimsPrincipal user, CheckInSettings settings,
        CancellationToken ct = default)
    {
        if (settings.Invalid() is { } invalid) return AdminResult<CheckInSettings>.Invalid(invalid.Field, invalid.Reason);
        var scope = user.RequiredScope();
        if (!await store.UpdateAsync(scope, settings, ct)) return AdminResult<CheckInSettings>.Missing();
        await audit.RecordAsync(user, AuditActions.CheckInSettingsChanged, scope.BureauId?.ToString(),
            new { settings.WindowSeconds, settings.SecondPrompt, settings.LowBatteryPercent }, ct: ct);
        return AdminResult<CheckInSettings>.Done(settings);
    }
}
