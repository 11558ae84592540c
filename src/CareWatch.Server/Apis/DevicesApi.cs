using System.Security.Claims;
using System.Text.RegularExpressions;
using CareWatch.Gateway;
using CareWatch.Gateway.Mqtt;
using CareWatch.Protocol;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Server.Audit;
using CareWatch.Storage;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Apis;

/// <summary>The device registry's REST API: watch identities, keys, assignment and status.</summary>
public static partial class DevicesApi
{
    /// <summary>Maps the registry's reads: the bureau's watches and their status.</summary>
    public static RouteGroupBuilder MapDevicesApi(this WebApplication app)
    {
        // Problems are ProblemHttpResult (application/problem+json), so their codes are declared here for OpenAPI.
        var group = app.MapGroup("/api/devices").WithTags("Devices").ProducesProblem(404);
        group.MapGet("/", ListAsync).WithName("ListDevices").WithSummary("Lists watches with their status, optionally of one senior.");
        group.MapGet("/{deviceId}", GetAsync).WithName("GetDevice").WithSummary("A watch's status: connected, last seen, battery, worn, firmware.");
        return group;
    }

    /// <summary>
    /// Maps the registry's changes: create, delete, enable, disable, keys and assignment (the cloud-to-device
    /// endpoints are <see cref="DeviceCloudApi"/>).
    /// </summary>
    public static RouteGroupBuilder MapDeviceChangesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices").ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/", CreateAsync).WithName("CreateDevice")
            .WithSummary("Creates a watch identity bound to a senior and returns its IoT Hub–style connection string.");
        group.MapDelete("/{deviceId}", DeleteAsync).WithName("DeleteDevice")
            .WithSummary("Deletes a watch identity and closes its connection; its telemetry stays with the senior.");
        group.MapPost("/{deviceId}/disable", (string deviceId, ClaimsPrincipal user, DeviceRegistry r, DeviceStatusReader s,
                IDeviceConnections c, IAuditTrail a, CancellationToken ct) => SetEnabledAsync(deviceId, false, user, r, s, c, a, ct))
            .WithName("DisableDevice").WithSummary("Refuses the watch's connections from now on and closes the current one.");
        group.MapPost("/{deviceId}/enable", (string deviceId, ClaimsPrincipal user, DeviceRegistry r, DeviceStatusReader s,
                IDeviceConnections c, IAuditTrail a, CancellationToken ct) => SetEnabledAsync(deviceId, true, user, r, s, c, a, ct))
            .WithName("EnableDevice").WithSummary("Lets the watch connect again.");
        group.MapPost("/{deviceId}/keys/{key}/regenerate", RegenerateKeyAsync).WithName("RegenerateDeviceKey")
            .WithSummary("Replaces the primary or secondary key; the other stays valid so the watch can be moved to the new one.");
        group.MapPut("/{deviceId}/senior", AssignAsync).WithName("AssignDevice")
            .WithSummary("Assigns the watch to a senior (or moves it); its connection is closed so new data goes to the new senior.");
        return group;
    }

    private static async Task<Results<Created<CreatedDevice>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateDeviceRequest request, ClaimsPrincipal user, WatchCommands commands, CancellationToken ct)
    {
        var result = await commands.RegisterAsync(user, request.DeviceId, request.SeniorId, ct);
        if (result.Conflict) return DeviceProblems.Exists(request.DeviceId ?? "");
        return result.Value is { } device
            ? TypedResults.Created($"/api/devices/{Uri.EscapeDataString(device.DeviceId)}",
                new CreatedDevice(device.DeviceId, device.SeniorId, device.ConnectionString))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Ok<List<DeviceView>>> ListAsync(Guid? seniorId, ClaimsPrincipal user, DeviceStatusReader reader,
        IDeviceConnections connections, CancellationToken ct) =>
        TypedResults.Ok((await reader.ListAsync(user.RequiredScope(), seniorId, ct))
            .Select(d => DeviceView.From(d, connections.IsConnected(d.DeviceId))).ToList());

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> GetAsync(
        string deviceId, ClaimsPrincipal user, DeviceStatusReader reader, IDeviceConnections connections, CancellationToken ct)
    {
        var device = IsValidId(deviceId) ? await reader.FindAsync(user.RequiredScope(), deviceId, ct) : null;
        return device is null ? DeviceProblems.NotFound(deviceId) : TypedResults.Ok(DeviceView.From(device, connections.IsConnected(deviceId)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string deviceId, ClaimsPrincipal user, DeviceRegistry registry, IDeviceConnections connections, IAuditTrail audit,
        CancellationToken ct)
    {
        if (!IsValidId(deviceId) || !await registry.DeleteAsync(user.RequiredScope(), deviceId, ct))
            return DeviceProblems.NotFound(deviceId);
        await audit.RecordAsync(user, AuditActions.DeviceDeleted, deviceId, ct: ct);
        await connections.DisconnectAsync(deviceId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> SetEnabledAsync(
        string deviceId, bool enabled, ClaimsPrincipal user, DeviceRegistry registry, DeviceStatusReader reader,
        IDeviceConnections connections, IAuditTrail audit, CancellationToken ct)
    {
        if (!IsValidId(deviceId) || !await registry.SetEnabledAsync(user.RequiredScope(), deviceId, enabled, ct))
            return DeviceProblems.NotFound(deviceId);
        await audit.RecordAsync(user, enabled ? AuditActions.DeviceEnabled : AuditActions.DeviceDisabled, deviceId, ct: ct);
        if (!enabled) await connections.DisconnectAsync(deviceId);
        return await GetAsync(deviceId, user, reader, connections, ct);
    }

    private static async Task<Results<Ok<DeviceKeysView>, ValidationProblem, ProblemHttpResult>> RegenerateKeyAsync(
        string deviceId, string key, ClaimsPrincipal user, DeviceRegistry registry, IOptions<GatewayOptions> gateway,
        IDeviceConnections connections, IAuditTrail audit, CancellationToken ct)
    {
        if (!Enum.TryParse<DeviceKey>(key, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(key, out _))
            return DeviceProblems.Invalid("key", "Either 'primary' or 'secondary'.");
        var device = IsValidId(deviceId) ? await registry.RegenerateKeyAsync(user.RequiredScope(), deviceId, which, ct) : null;
        if (device is null) return DeviceProblems.NotFound(deviceId);
        // The key's name, never its value.
        await audit.RecordAsync(user, AuditActions.DeviceKeyRegenerated, deviceId,
            new { key = which.ToString().ToLowerInvariant() }, ct: ct);
        // A connection signed with the replaced key goes (IoT Hub does the same); one signed with the other stays.
        await connections.DisconnectAsync(deviceId, which);
        var host = gateway.Value.HostName;
        return TypedResults.Ok(new DeviceKeysView(device.DeviceId, device.PrimaryKey, device.SecondaryKey,
            new DeviceConnectionString(host, device.DeviceId, device.PrimaryKey).ToString(),
            new DeviceConnectionString(host, device.DeviceId, device.SecondaryKey).ToString()));
    }

    private static async Task<Results<Ok<DeviceView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string deviceId, AssignDeviceRequest request, ClaimsPrincipal user, WatchCommands commands,
        DeviceStatusReader reader, IDeviceConnections connections, CancellationToken ct)
    {
        var result = await commands.AssignAsync(user, deviceId, request.SeniorId, ct);
        if (result.NotFound) return DeviceProblems.NotFound(deviceId);
        if (result.Value is null) return TypedResults.ValidationProblem(result.Errors);
        var view = await GetAsync(deviceId, user, reader, connections, ct);
        return view.Result is Ok<DeviceView> ok ? ok : DeviceProblems.NotFound(deviceId);
    }

    internal static bool IsValidId(string deviceId) => DeviceIdPattern().IsMatch(deviceId);

    // IoT Hub allows a few more symbols; these are the ones that are safe in topics, URLs and logs.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex DeviceIdPattern();
}
