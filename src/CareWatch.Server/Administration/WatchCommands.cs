using System.Security.Claims;
using CareWatch.Gateway.Mqtt;
using CareWatch.Server.Accounts;
using CareWatch.Server.Apis;
using CareWatch.Server.Audit;
using CareWatch.Storage;
using CareWatch.Storage.Audit;

namespace CareWatch.Server.Administration;

/// <summary>
/// Assigning a watch to a senior, moving it to another (a swap is two moves) or taking it off: checked, audited and
/// applied to the live connection. The one path behind PUT /api/devices/{id}/senior and the senior's page.
/// </summary>
public sealed class WatchCommands(DeviceRegistry registry, SeniorDirectory seniors, IDeviceConnections connections,
    IAuditTrail audit)
{
    /// <summary>Assigns the caller's bureau's watch to one of its seniors, or to nobody (null).</summary>
    public async Task<AdminResult<string>> AssignAsync(ClaimsPrincipal user, string deviceId, Guid? seniorId,
        CancellationToken ct = default)
    {
        var scope = user.RequiredScope();
        if (!DevicesApi.IsValidId(deviceId) || !await registry.ExistsAsync(scope, deviceId, ct))
            return AdminResult<string>.Missing();
        // Another bureau's senior gets the same answer as one that does not exist.
        if (seniorId is { } senior && await seniors.FindSeniorAsync(scope, senior, ct) is null)
            return AdminResult<string>.Invalid("seniorId", "No such senior.");
        if (!await registry.AssignAsync(scope, deviceId, seniorId, ct)) return AdminResult<string>.Missing();
        await audit.RecordAsync(user, AuditActions.DeviceAssigned, deviceId, new { to = seniorId }, seniorId: seniorId, ct: ct);
        // The gateway stamps the senior on telemetry from the session opened at connect: reconnecting applies the move.
        await connections.DisconnectAsync(deviceId);
        return AdminResult<string>.Done(deviceId);
    }
}
