using System.Text.Json.Nodes;
using CareWatch.Storage;

namespace CareWatch.Gateway.Cloud;

/// <summary>The service side of device twins.</summary>
public interface IDeviceTwins
{
    /// <summary>The twin of one of the scope's watches, or null when the scope has no such watch.</summary>
    Task<DeviceTwin?> GetAsync(TenantScope scope, string deviceId, CancellationToken ct = default);

    /// <summary>
    /// Merges a desired-property patch into one of the scope's watches, stores it and pushes it to the watch when connected
    /// (<c>$iothub/twin/PATCH/properties/desired/?$version=n</c>). Returns the new desired version, or
    /// null when the scope has no such watch. A watch that is offline reads the twin when it reconnects.
    /// </summary>
    Task<long?> UpdateDesiredAsync(TenantScope scope, string deviceId, JsonObject patch, CancellationToken ct = default);
}
