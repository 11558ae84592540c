using CareWatch.Gateway.Mqtt;
using CareWatch.Server.Hubs;

namespace CareWatch.Server.Adapters;

/// <summary>Adapts the gateway's presence port to the seniors board: a watch that leaves makes its tile "offline".</summary>
public sealed class BoardConnectionObserver(SeniorStateFeed seniorsBoard) : IConnectionObserver
{
    /// <inheritdoc />
    public void OnConnectionChanged(string deviceId, bool connected) => seniorsBoard.DeviceChanged(deviceId);
}
