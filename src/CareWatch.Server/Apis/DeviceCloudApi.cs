using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareWatch.Gateway;
using CareWatch.Gateway.Cloud;
using CareWatch.Server.Accounts;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Apis;

/// <summary>Talking to a watch: direct methods, cloud-to-device messages and the device twin.</summary>
public static class DeviceCloudApi
{
    /// <summary>Maps what changes or reaches a watch under /api/devices/{id}: methods, messages, desired properties.</summary>
    public static RouteGroupBuilder MapDeviceCloudApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/devices/{deviceId}").WithTags("Devices").ProducesProblem(404).ProducesProblem(409).ProducesProblem(504);
        group.MapPost("/methods/{method}", InvokeAsync).WithName("InvokeDeviceMethod")
            .WithSummary("Invokes a direct method on a connected watch and returns its answer (409 offline, 504 no answer in time).");
        group.MapPost("/messages", SendAsync).WithName("SendCloudToDeviceMessage")
            .WithSummary("Sends a cloud-to-device message to a connected watch (not queued for offline watches: 409).");
        group.MapPatch("/twin/desired", PatchDesiredAsync).WithName("PatchDesiredProperties")
            .WithSummary("Merges desired properties (JSON merge patch) and pushes them to the watch when connected.");
        return group;
    }

    /// <summary>Maps the read of a watch's twin (GET /api/devices/{id}/twin).</summary>
    public static RouteGroupBuilder MapDeviceTwinApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/devices/{deviceId}").WithTags("Devices").ProducesProblem(404);
        group.MapGet("/twin", GetTwinAsync).WithName("GetDeviceTwin").WithSummary("The watch's twin: desired and reported properties with versions.");
        return group;
    }

    private static async Task<Results<Ok<MethodResultView>, ValidationProblem, ProblemHttpResult>> InvokeAsync(
        string deviceId, string method, InvokeMethodRequest? request, ClaimsPrincipal user, DeviceRegistry registry,
        IDeviceMethods methods, IOptions<GatewayOptions> gateway, CancellationToken ct)
    {
        if (method.Length is 0 or > 100 || method.Any(c => c is '/' or '+' or '#' or '?' || char.IsControl(c) || char.IsWhiteSpace(c)))
            return DeviceProblems.Invalid("method", "1–100 characters, without / + # ? or spaces.");
        if (request?.TimeoutSeconds is < 1 or > 300)
            return DeviceProblems.Invalid("timeoutSeconds", "1–300.");
        if (!DevicesApi.IsValidId(deviceId) || !await registry.ExistsAsync(user.RequiredScope(), deviceId, ct))
            return DeviceProblems.NotFound(deviceId);
        var timeout = request?.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : gateway.Value.DefaultMethodTimeout;
        var payload = request?.Payload is { } p ? p.GetRawText() : null;
        var result = await methods.InvokeAsync(deviceId, method, payload, timeout, ct);
        return result.Outcome switch
        {
            DirectMethodOutcome.Completed => TypedResults.Ok(new MethodResultView(result.Status, ParseOrString(result.PayloadJson))),
            DirectMethodOutcome.Offline => DeviceProblems.Offline(deviceId),
            _ => TypedResults.Problem(statusCode: 504, title: "Device did not answer",
                detail: $"Watch '{deviceId}' did not answer '{method}' within {timeout.TotalSeconds:0} s."),
        };
    }

    private static async Task<Results<Accepted<CloudMessageView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string deviceId, CloudMessageRequest request, ClaimsPrincipal user, DeviceRegistry registry, ICloudToDeviceMessages messages,
        CancellationToken ct)
    {
        if (request.Body is null) return DeviceProblems.Invalid("body", "Required: any JSON value.");
        var properties = request.Properties ?? [];
        if (properties.Keys.Any(k => k.Length == 0 || k.StartsWith('$')))
            return DeviceProblems.Invalid("properties", "Names must be non-empty and must not start with '$'.");
        var payload = Encoding.UTF8.GetBytes(request.Body.Value.GetRawText());
        if (payload.Length > 64 * 1024) return DeviceProblems.Invalid("body", "At most 64 KB (IoT Hub's cloud-to-device limit).");
        if (!DevicesApi.IsValidId(deviceId) || !await registry.ExistsAsync(user.RequiredScope(), deviceId, ct))
            return DeviceProblems.NotFound(deviceId);
        var id = await messages.SendAsync(deviceId, payload, properties, ct);
        return id is null ? DeviceProblems.Offline(deviceId) : TypedResults.Accepted((string?)null, new CloudMessageView(id));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetTwinAsync(string deviceId, ClaimsPrincipal user,
        IDeviceTwins twins, CancellationToken ct)
    {
        var twin = DevicesApi.IsValidId(deviceId) ? await twins.GetAsync(user.RequiredScope(), deviceId, ct) : null;
        return twin is null ? DeviceProblems.NotFound(deviceId) : TypedResults.Text(twin.ToIotHubJson().ToJsonString(), "application/json");
    }

    private static async Task<Results<Ok<TwinVersionView>, ValidationProblem, ProblemHttpResult>> PatchDesiredAsync(
        string deviceId, HttpRequest http, ClaimsPrincipal user, IDeviceTwins twins, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        var patch = TwinPatchRules.TryParse(buffer.ToArray(), out var error);
        if (patch is null) return DeviceProblems.Invalid("patch", error!);
        var version = DevicesApi.IsValidId(deviceId) ? await twins.UpdateDesiredAsync(user.RequiredScope(), deviceId, patch, ct) : null;
        return version is null ? DeviceProblems.NotFound(deviceId) : TypedResults.Ok(new TwinVersionView(version.Value));
    }

    // A watch may answer with text that is not JSON; hand it back as a JSON string rather than fail.
    private static JsonElement? ParseOrString(string? text)
    {
        if (text is null) return null;
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(text); }
    }
}
