using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using CareWatch.Gateway.Mqtt;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace CareWatch.Gateway.Cloud;

/// <summary>
/// Device twins over MQTT: answers a watch's GET and reported PATCH on <c>$iothub/twin/res/{status}/?$rid=</c>
/// (200 with the twin, 204 with the new <c>$version</c>, 400 for a bad patch, 500 when storage failed),
/// and pushes desired updates made through the API.
/// </summary>
internal sealed class DeviceTwins(DeviceTwinStore store, DeviceOutbox outbox, ILogger<DeviceTwins> logger) : IDeviceTwins
{
    public Task<DeviceTwin?> GetAsync(TenantScope scope, string deviceId, CancellationToken ct = default) =>
        store.GetAsync(scope, deviceId, ct);

    public async Task<long?> UpdateDesiredAsync(TenantScope scope, string deviceId, JsonObject patch, CancellationToken ct = default)
    {
        var version = await store.PatchDesiredAsync(scope, deviceId, patch, ct);
        if (version is null) return null;
        var pushed = (JsonObject)patch.DeepClone();
        pushed["$version"] = version;
        await outbox.SendAsync(deviceId, IotHubCloudTopics.DesiredPatch(version.Value), Encoding.UTF8.GetBytes(pushed.ToJsonString()),
            MqttQualityOfServiceLevel.AtMostOnce, requireSubscription: true);
        return version;
    }

    public async Task OnGetAsync(DeviceSession session, string topic)
    {
        var rid = IotHubCloudTopics.RequestId(topic) ?? "";
        try
        {
            var twin = await store.GetForDeviceAsync(session.DeviceId);
            if (twin is null) { await AnswerAsync(session, 404, rid, null); return; }
            await AnswerAsync(session, 200, rid, twin.ToIotHubJson().ToJsonString());
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Twin of {DeviceId} could not be read", session.DeviceId);
            await AnswerAsync(session, 500, rid, null);
        }
    }

    public async Task OnReportedPatchAsync(DeviceSession session, string topic, ReadOnlySequence<byte> payload)
    {
        var rid = IotHubCloudTopics.RequestId(topic) ?? "";
        var patch = TwinPatchRules.TryParse(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray(), out var error);
        if (patch is null)
        {
            logger.LogInformation("Refused reported patch from {DeviceId}: {Error}", session.DeviceId, error);
            await AnswerAsync(session, 400, rid, null);
            return;
        }
        try
        {
            var version = await store.PatchReportedAsync(session.DeviceId, patch);
            await AnswerAsync(session, version is null ? 404 : 204, rid, null, version);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Reported patch of {DeviceId} not stored", session.DeviceId);
            await AnswerAsync(session, 500, rid, null);
        }
    }

    private Task<bool> AnswerAsync(DeviceSession session, int status, string rid, string? json, long? version = null) =>
        outbox.SendAsync(session.DeviceId, IotHubCloudTopics.TwinResponse(status, rid, version),
            json is null ? [] : Encoding.UTF8.GetBytes(json), MqttQualityOfServiceLevel.AtMostOnce, requireSubscription: false);
}
