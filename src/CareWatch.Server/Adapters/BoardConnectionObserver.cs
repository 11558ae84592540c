using CareWatch.Gateway.Mqtt;
using CareWatch.Server.Hubs;

namespace CareWatch.Server.Adapters;

/// <summary>Adapts the gateway's presence port to the seniors board: a watch that leaves makes a tile "offline".</summary>
/// <remarks>
/// The feed is found when a watch connects, not injected: the feed reads the gateway's connections, and the
/// connections hold their observers, so constructor injection would be a cycle (which deadlocks the host's start).
/// </remarks>
public sealed class BoardConnectionObserver(IServiceProvider services) : IConnectionObserver
{
    /// <inheritdoc />
    public void OnConnectionChanged(string deviceId, bool connected) =>
        services.GetRequiredService<SeniorStateFeed>().DeviceChanged(deviceId);
}
