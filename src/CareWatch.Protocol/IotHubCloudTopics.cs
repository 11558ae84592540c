namespace CareWatch.Protocol;

/// <summary>
/// The cloud-to-device, direct-method and twin topics of the IoT Hub device MQTT protocol. Request ids
/// (<c>$rid</c>) and versions travel in the topic's query part, as IoT Hub puts them there.
/// </summary>
public static class IotHubCloudTopics
{
    /// <summary>Prefix of direct-method requests the device subscribes to (<c>$iothub/methods/POST/#</c>).</summary>
    public const string MethodRequestPrefix = "$iothub/methods/POST/";

    /// <summary>Prefix of the device's direct-method answers.</summary>
    public const string MethodResponsePrefix = "$iothub/methods/res/";

    /// <summary>Prefix of the device's twin GET requests.</summary>
    public const string TwinGetPrefix = "$iothub/twin/GET/";

    /// <summary>Prefix of the device's reported-property patches.</summary>
    public const string TwinReportedPatchPrefix = "$iothub/twin/PATCH/properties/reported/";

    /// <summary>Prefix of desired-property updates pushed to the device.</summary>
    public const string TwinDesiredPatchPrefix = "$iothub/twin/PATCH/properties/desired/";

    /// <summary>A direct-method request: <c>$iothub/methods/POST/{method}/?$rid={rid}</c>.</summary>
    public static string MethodRequest(string method, string rid) => $"{MethodRequestPrefix}{method}/?$rid={rid}";

    /// <summary>A twin answer: <c>$iothub/twin/res/{status}/?$rid={rid}</c>, plus <c>&amp;$version=</c> after a patch.</summary>
    public static string TwinResponse(int status, string rid, long? version = null) =>
        version is null ? $"$iothub/twin/res/{status}/?$rid={rid}" : $"$iothub/twin/res/{status}/?$rid={rid}&$version={version}";

    /// <summary>A desired-property update: <c>$iothub/twin/PATCH/properties/desired/?$version={version}</c>.</summary>
    public static string DesiredPatch(long version) => $"{TwinDesiredPatchPrefix}?$version={version}";

    /// <summary>A cloud-to-device message: <c>devices/{id}/messages/devicebound/{property bag}</c>.</summary>
    public static string CloudToDevice(string deviceId, IEnumerable<KeyValuePair<string, string>> properties) =>
        $"devices/{deviceId}/messages/devicebound/{PropertyBag.Encode(properties)}";

    /// <summary>The value of <c>$rid</c> in a topic's query part (<c>…/?$rid=7</c>), or null.</summary>
    public static string? RequestId(string topic) => QueryValue(topic, "$rid");

    /// <summary>
    /// Parses a method answer <c>$iothub/methods/res/{status}/?$rid={rid}</c>; false when the topic is
    /// not one or lacks a status or request id.
    /// </summary>
    public static bool TryParseMethodResponse(string topic, out int status, out string rid)
    {
        status = 0;
        rid = "";
        if (!topic.StartsWith(MethodResponsePrefix, StringComparison.Ordinal)) return false;
        var rest = topic[MethodResponsePrefix.Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !int.TryParse(rest[..slash], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out status)) return false;
        rid = RequestId(topic) ?? "";
        return rid.Length > 0;
    }

    private static string? QueryValue(string topic, string name)
    {
        var q = topic.IndexOf('?');
        if (q < 0) return null;
        foreach (var (key, value) in PropertyBag.Decode(topic[(q + 1)..]))
            if (key == name) return value;
        return null;
    }
}
