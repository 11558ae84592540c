namespace CareWatch.Gateway.Mqtt;

/// <summary>Checks the MQTT user name IoT Hub expects: <c>{hostName}/{deviceId}/?api-version=…&amp;…</c>.</summary>
internal static class IotHubUserName
{
    /// <summary>
    /// True when the user name names this hub and this device. The query part is not interpreted:
    /// SDKs add <c>DeviceClientType</c>, model ids and the like, and IoT Hub ignores what it does not know.
    /// </summary>
    public static bool Matches(string? userName, string hostName, string deviceId)
    {
        if (string.IsNullOrEmpty(userName)) return false;
        var firstSlash = userName.IndexOf('/');
        if (firstSlash <= 0) return false;
        if (!string.Equals(userName[..firstSlash], hostName, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = userName[(firstSlash + 1)..];
        var secondSlash = rest.IndexOf('/');
        var device = secondSlash < 0 ? rest : rest[..secondSlash];
        if (!string.Equals(device, deviceId, StringComparison.Ordinal)) return false;
        var query = secondSlash < 0 ? "" : rest[(secondSlash + 1)..];
        // Old SDKs wrote "api-version=…" without the '?'.
        return query.Length == 0 || query[0] == '?' || query.StartsWith("api-version=", StringComparison.Ordinal);
    }
}
