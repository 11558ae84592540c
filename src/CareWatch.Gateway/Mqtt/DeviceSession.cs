namespace CareWatch.Gateway.Mqtt;

/// <summary>What the gateway remembers about an authenticated connection (kept in MQTTnet's session items).</summary>
/// <param name="DeviceId">The authenticated device id (= MQTT client id).</param>
/// <param name="SeniorId">The senior the watch belonged to at connect time.</param>
internal sealed record DeviceSession(string DeviceId, Guid? SeniorId)
{
    private const string Key = "carewatch.device";

    public void Store(System.Collections.IDictionary items) => items[Key] = this;

    public static DeviceSession? From(System.Collections.IDictionary? items) => items?[Key] as DeviceSession;
}
