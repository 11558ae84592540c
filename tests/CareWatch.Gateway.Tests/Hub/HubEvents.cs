using Azure.Messaging.EventHubs;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;

namespace CareWatch.Gateway.Tests.Hub;

/// <summary>Events as IoT Hub writes them to its Event Hubs endpoint, made offline with the SDK's model factory.</summary>
public static class HubEvents
{
    public static EventData Telemetry(string? deviceId, TelemetryBatch batch, long sequenceNumber, string schema = TelemetryLimits.Schema,
        string? moduleId = null) =>
        Raw(deviceId, Batches.Payload(batch), sequenceNumber, schema, moduleId);

    public static EventData Raw(string? deviceId, byte[] body, long sequenceNumber, string schema = TelemetryLimits.Schema, string? moduleId = null)
    {
        var system = new Dictionary<string, object>();
        if (deviceId is not null) system["iothub-connection-device-id"] = deviceId;
        if (moduleId is not null) system["iothub-connection-module-id"] = moduleId;
        system["iothub-enqueuedtime"] = TimeProvider.System.GetUtcNow().UtcDateTime;
        return EventHubsModelFactory.EventData(new BinaryData(body), new Dictionary<string, object> { ["schema"] = schema },
            system, sequenceNumber: sequenceNumber, offsetString: sequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
