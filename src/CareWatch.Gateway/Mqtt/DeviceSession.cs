using CareWatch.Storage;
using MQTTnet;

namespace CareWatch.Gateway.Mqtt;

/// <summary>What the gateway remembers about an authenticated connection (kept in MQTTnet's session items).</summary>
/// <param name="DeviceId">The authenticated device id (= MQTT client id).</param>
/// <param name="SeniorId">The senior the watch belonged to at connect time.</param>
/// <param name="Key">The key that signed the SAS token it connected with: regenerating that key closes it.</param>
/// <param name="ExpiresAt">When its SAS token stops being accepted (expiry plus the clock skew allowed): the
/// connection is closed then, as IoT Hub does; the watch reconnects with a fresh token.</param>
internal sealed record DeviceSession(string DeviceId, Guid? SeniorId, DeviceKey Key, DateTimeOffset ExpiresAt)
{
    private const string ItemKey = "carewatch.device";
    private const int MaxFilters = 32;
    private readonly List<string> _filters = [];
    private int _counted;

    /// <summary>Closes the connection when the token expires; set while the connection is counted.</summary>
    public ITimer? ExpiryTimer { get; set; }

    public void Store(System.Collections.IDictionary items) => items[ItemKey] = this;

    public static DeviceSession? From(System.Collections.IDictionary? items) => items?[ItemKey] as DeviceSession;

    /// <summary>Remembers an accepted subscription, so the gateway pushes methods and desired updates only to watches listening for them.</summary>
    public void AddFilter(string filter)
    {
        // Bounded, so a watch that subscribes in a loop cannot grow the gateway's memory.
        lock (_filters)
            if (_filters.Count < MaxFilters && !_filters.Contains(filter)) _filters.Add(filter);
    }

    /// <summary>True when one of the watch's subscriptions covers <paramref name="topic"/>.</summary>
    public bool IsSubscribedTo(string topic)
    {
        lock (_filters)
            return _filters.Any(f => MqttTopicFilterComparer.Compare(topic, f) == MqttTopicFilterCompareResult.IsMatch);
    }

    /// <summary>Marks the connection as counted in the connected set; true the first time.</summary>
    public bool MarkCounted() => Interlocked.Exchange(ref _counted, 1) == 0;

    /// <summary>Unmarks it; true when it had been counted (so a disconnect is counted once).</summary>
    public bool UnmarkCounted() => Interlocked.Exchange(ref _counted, 0) == 1;
}
