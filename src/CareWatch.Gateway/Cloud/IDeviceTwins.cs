using System.Text.Json.Nodes;
using CareWatch.Storage;

namespace CareWatch.Gateway.Cloud;

/// <summary>The service side of device twins.</summary>
public interface IDeviceTwins
{
    /// <summary>The watch's twin, or null when the watch does not exist.</summary>
    Task<DeviceTwin?> GetAsync(string deviceId, CancellationToken ct = default);

    /// <summary>
    /// Merges a desired-property patch, stores it and pushes it to the watch when connected
    /// (<c>$iothub/twin/PATCH/properties/desired/?$version=n</c>). Returns the new desired version, or
    /// null when the watch does not exist. A watch that is offline reads the twin when it reconnects.
    /// </summary>
    Task<long?> UpdateDesiredAsync(string deviceId, JsonObject patch, CancellationToken ct = default);
}
