using System.Security.Claims;
using CareWatch.Gateway;
using CareWatch.Gateway.Mqtt;
using CareWatch.Protocol;
using CareWatch.Server.Accounts;
using CareWatch.Server.Apis;
using CareWatch.Server.Audit;
using CareWatch.Storage;
using CareWatch.Storage.Audit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareWatch.Server.Administration;

/// <summary>A new watch identity: its connection string holds the primary key and is shown once.</summary>
public sealed record RegisteredWatch(string DeviceId, Guid? SeniorId, string ConnectionString);

/// <summary>
/// Registering a watch for a senior, assigning it, moving it to another (a swap is two moves) or taking it off:
/// checked, audited and applied to the live connection. The one path behind POST /api/devices, PUT
/// /api/devices/{id}/senior and the senior's page.
/// </summary>
public sealed class WatchCommands(DeviceRegistry registry, SeniorDirectory seniors, IDeviceConnections connections,
    IAuditTrail audit, IOptions<GatewayOptions> gateway)
{
    /// <summary>Creates a watch identity bound to a senior of the caller's bureau; no id: one is made up.</summary>
    public async Task<AdminResult<RegisteredWatch>> RegisterAsync(ClaimsPrincipal user, string? deviceId, Guid? seniorId,
        CancellationToken ct = default)
    {
        var scope = user.RequiredScope();
        var id = string.IsNullOrWhiteSpace(deviceId) ? "watch-" + Guid.NewGuid().ToString("N")[..12] : deviceId;
        var errors = new Dictionary<string, string[]>();
        if (!DevicesApi.IsValidId(id)) errors["deviceId"] = ["1–128 characters: letters, digits and - . _ : only."];
        if (seniorId is null) errors["seniorId"] = ["Required."];
        else if (await seniors.FindSeniorAsync(scope, seniorId.Value, ct) is null)
            errors["seniorId"] = ["No such senior."]; // also for another bureau's senior: nothing tells them apart
        if (errors.Count > 0) return AdminResult<RegisteredWatch>.Invalid(errors);
        try
        {
            // Null only if the senior left the bureau since the check above: the same answer as then.
            var device = await registry.CreateAsync(scope, id, seniorId, ct);
            if (device is null) return AdminResult<RegisteredWatch>.Invalid("seniorId", "No such senior.");
            await audit.RecordAsync(user, AuditActions.DeviceCreated, id, new { seniorId }, seniorId: seniorId, ct: ct);
            var connection = new DeviceConnectionString(gateway.Value.HostName, device.DeviceId, device.PrimaryKey);
            return AdminResult<RegisteredWatch>.Done(new RegisteredWatch(device.DeviceId, device.SeniorId, connection.ToString()));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AdminResult<RegisteredWatch>.Taken("deviceId", "A watch with this id exists already.");
        }
    }

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
