using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class IotHubTopicsTests
{
    [Fact]
    public void TryParseTelemetry_SdkStyleBag_DecodesSystemProperties()
    {
        var ok = IotHubTopics.TryParseTelemetry("devices/w1/messages/events/%24.mid=abc&%24.ct=application%2Fjson&schema=carewatch.v1",
            out var device, out var props);

        Assert.True(ok);
        Assert.Equal("w1", device);
        Assert.Equal("abc", props["$.mid"]);
        Assert.Equal("application/json", props["$.ct"]);
        Assert.Equal("carewatch.v1", props["schema"]);
    }

    [Theory]
    [InlineData("devices/w1/messages/events")]
    [InlineData("devices/w1/messages/events/")]
    public void TryParseTelemetry_NoBag_EmptyProperties(string topic)
    {
        Assert.True(IotHubTopics.TryParseTelemetry(topic, out var device, out var props));
        Assert.Equal("w1", device);
        Assert.Empty(props);
    }

    [Theory]
    [InlineData("devices/w1/messages/devicebound/x")]
    [InlineData("devices//messages/events/")]
    [InlineData("devices/a/b/messages/events/")]
    [InlineData("$iothub/twin/GET/?$rid=1")]
    [InlineData("devices/w1/messages/eventsX")]
    public void TryParseTelemetry_NotTelemetry_False(string topic) =>
        Assert.False(IotHubTopics.TryParseTelemetry(topic, out _, out _));

    [Fact]
    public void Telemetry_EncodedThenParsed_RoundTrips()
    {
        var topic = IotHubTopics.Telemetry("w1", [new("schema", "carewatch.v1"), new("$.mid", "m 1&2")]);

        Assert.True(IotHubTopics.TryParseTelemetry(topic, out _, out var props));
        Assert.Equal("m 1&2", props["$.mid"]);
    }

    [Fact]
    public void UserName_HasHostDeviceAndApiVersion() =>
        Assert.Equal("h.example/w1/?api-version=2021-04-12", IotHubTopics.UserName("h.example", "w1"));
}
