using Azure.Messaging.EventHubs;

namespace CareWatch.Gateway.Hub;

/// <summary>A device message as read from IoT Hub's Event Hubs endpoint.</summary>
/// <param name="DeviceId">From the <c>iothub-connection-device-id</c> system property (set by the hub, so authenticated).</param>
/// <param name="Properties">The message's application properties (the MQTT property bag), e.g. <c>schema</c>.</param>
/// <param name="Payload">The message body.</param>
/// <param name="EnqueuedAt">When the hub received it from the watch (the reference for the watch's clock error), if known.</param>
internal sealed record HubMessage(string DeviceId, IReadOnlyDictionary<string, string> Properties, ReadOnlyMemory<byte> Payload,
    DateTimeOffset? EnqueuedAt);

/// <summary>Maps Event Hubs events written by IoT Hub to device messages.</summary>
internal static class HubEventMapper
{
    /// <summary>The system property IoT Hub stamps with the authenticated device id.</summary>
    public const string DeviceIdProperty = "iothub-connection-device-id";

    /// <summary>
    /// Returns the device message, or null with a reason: <c>no-device-id</c> for events that did not come
    /// from a device (another writer on the hub, or a module), which are counted and skipped.
    /// </summary>
    public static HubMessage? Map(EventData data, out string? refusal)
    {
        refusal = null;
        if (!data.SystemProperties.TryGetValue(DeviceIdProperty, out var id) || id is not string deviceId || deviceId.Length == 0)
        {
            refusal = "no-device-id";
            return null;
        }
        if (data.SystemProperties.ContainsKey("iothub-connection-module-id"))
        {
            refusal = "module-message";
            return null;
        }
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data.Properties)
            if (value is not null) properties[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return new HubMessage(deviceId, properties, data.EventBody.ToMemory(), data.EnqueuedTime == default ? null : data.EnqueuedTime);
    }
}
