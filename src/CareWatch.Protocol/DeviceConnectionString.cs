using System.Security.Cryptography;

namespace CareWatch.Protocol;

/// <summary>An IoT Hub–style device connection string: <c>HostName=…;DeviceId=…;SharedAccessKey=…</c>.</summary>
public sealed record DeviceConnectionString(string HostName, string DeviceId, string SharedAccessKey)
{
    /// <summary>Formats the connection string as IoT Hub does.</summary>
    public override string ToString() => $"HostName={HostName};DeviceId={DeviceId};SharedAccessKey={SharedAccessKey}";

    /// <summary>Parses a connection string; throws <see cref="FormatException"/> with the missing part named.</summary>
    public static DeviceConnectionString Parse(string text)
    {
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        string Get(string name) => parts.TryGetValue(name, out var v) && v.Length > 0
            ? v : throw new FormatException($"connection string lacks {name}");
        return new DeviceConnectionString(Get("HostName"), Get("DeviceId"), Get("SharedAccessKey"));
    }

    /// <summary>A fresh random 256-bit device key, base64 as IoT Hub issues them.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
