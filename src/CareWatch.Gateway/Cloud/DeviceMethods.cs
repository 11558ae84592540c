using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CareWatch.Gateway.Mqtt;
using CareWatch.Protocol;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace CareWatch.Gateway.Cloud;

/// <summary>
/// Direct methods over the watch's MQTT connection. Each call gets a request id; the answer is matched
/// by (device, request id), so a watch cannot answer another watch's call.
/// </summary>
internal sealed class DeviceMethods(DeviceOutbox outbox, TimeProvider time, ILogger<DeviceMethods> logger) : IDeviceMethods
{
    private readonly ConcurrentDictionary<(string DeviceId, string Rid), TaskCompletionSource<DirectMethodResult>> _pending = new();
    private long _nextRid;

    public async Task<DirectMethodResult> InvokeAsync(string deviceId, string method, string? payloadJson, TimeSpan timeout,
        CancellationToken ct = default)
    {
        var rid = Interlocked.Increment(ref _nextRid).ToString("x", CultureInfo.InvariantCulture);
        var key = (deviceId, rid);
        var answer = new TaskCompletionSource<DirectMethodResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[key] = answer;
        try
        {
            // IoT Hub sends method requests at QoS 0: a lost request surfaces as a timeout to the caller.
            var sent = await outbox.SendAsync(deviceId, IotHubCloudTopics.MethodRequest(method, rid),
                Encoding.UTF8.GetBytes(payloadJson ?? "null"), MqttQualityOfServiceLevel.AtMostOnce, requireSubscription: true);
            if (!sent) return new DirectMethodResult(DirectMethodOutcome.Offline, 0, null);
            return await answer.Task.WaitAsync(timeout, time, ct);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Direct method {Method} on {DeviceId} timed out after {Timeout}", method, deviceId, timeout);
            return new DirectMethodResult(DirectMethodOutcome.Timeout, 0, null);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    /// <summary>An answer arrived from a watch; a late or unknown one is ignored.</summary>
    public void OnResponse(DeviceSession session, int status, string rid, ReadOnlySequence<byte> payload)
    {
        if (!_pending.TryRemove((session.DeviceId, rid), out var answer))
        {
            logger.LogDebug("Ignored method answer {Rid} from {DeviceId}: no call waiting", rid, session.DeviceId);
            return;
        }
        var json = payload.Length == 0 ? null : Encoding.UTF8.GetString(payload);
        answer.TrySetResult(new DirectMethodResult(DirectMethodOutcome.Completed, status, json));
    }
}
