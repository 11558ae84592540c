namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// The gateway's port for a watch's presence: told after a connect or a real disconnect (not a takeover) has been
/// recorded in the registry. MQTTnet waits for these handlers before it serves or closes the connection, so an
/// observer must return at once and do its work elsewhere; its exceptions are logged and never reach the watch.
/// </summary>
public interface IConnectionObserver
{
    /// <summary>The watch connected (<paramref name="connected"/>) or its connection ended.</summary>
    void OnConnectionChanged(string deviceId, bool connected);
}
