using Azure.Messaging.EventHubs;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;

namespace CareWatch.Gateway.Tests.Hub;

/// <summary>Events as IoT Hub writes them to its Event Hubs endpoint, made offline with the SDK's model factory.</summary>
public static class HubEvents
{
    public static EventData Telemetry(string? deviceId, TelemetryBatch batch, long sequenceNumber, string schema = TelemetryLimits.Schema,
        string? moduleId = null, DateTimeOffset? enqueuedAt = null) =>
        Raw(deviceId, Batches.Payload(batch), sequenceNumber, schema, moduleId, enqueuedAt);

    public static EventData Raw(string? deviceId, byte[] body, long sequenceNumber, string schema = TelemetryLimits.Schema, string? moduleId = null,
        DateTimeOffset? enqueuedAt = null)
    {
        var system = new Dictionary<string, object>();
        if (deviceId is not null) system["iothub-connection-device-id"] = deviceId;
        if (moduleId is not null) system["iothub-connection-module-id"] = moduleId;
        var enqueued = enqueuedAt ?? TimeProvider.System.GetUtcNow();
        system["iothub-enqueuedtime"] = enqueued.UtcDateTime;
        return EventHubsModelFactory.EventData(new BinaryData(body), new Dictionary<string, object> { ["schema"] = schema },
            system, sequenceNumber: sequenceNumber, offsetString: sequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            enqueuedTime: enqueued);
    }
}
