namespace CareWatch.Protocol;

/// <summary>Topic names of the Azure IoT Hub device MQTT protocol.</summary>
public static class IotHubTopics
{
    /// <summary>The MQTT user name IoT Hub expects: <c>{host}/{deviceId}/?api-version=…</c>.</summary>
    public static string UserName(string hostName, string deviceId) => $"{hostName}/{deviceId}/?api-version=2021-04-12";

    /// <summary>Device-to-cloud topic with a property bag, e.g. <c>devices/w1/messages/events/schema=carewatch.v1</c>.</summary>
    public static string Telemetry(string deviceId, IEnumerable<KeyValuePair<string, string>> properties) =>
        $"devices/{deviceId}/messages/events/{PropertyBag.Encode(properties)}";

    /// <summary>
    /// Splits a device-to-cloud topic into its device id and property bag; false when the topic is
    /// not a telemetry topic.
    /// </summary>
    public static bool TryParseTelemetry(string topic, out string deviceId, out IReadOnlyDictionary<string, string> properties)
    {
        deviceId = "";
        properties = PropertyBag.Empty;
        const string devicesPrefix = "devices/";
        const string eventsMarker = "/messages/events";
        if (!topic.StartsWith(devicesPrefix, StringComparison.Ordinal)) return false;
        var markerAt = topic.IndexOf(eventsMarker, devicesPrefix.Length, StringComparison.Ordinal);
        if (markerAt <= devicesPrefix.Length) return false;
        deviceId = topic[devicesPrefix.Length..markerAt];
        if (deviceId.Contains('/')) return false;
        var rest = topic[(markerAt + eventsMarker.Length)..];
        if (rest.Length == 0) return true;
        if (rest[0] != '/') return false;
        properties = PropertyBag.Decode(rest[1..]);
        return true;
    }
}
