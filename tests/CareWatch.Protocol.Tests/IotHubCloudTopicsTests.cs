using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class IotHubCloudTopicsTests
{
    [Fact]
    public void MethodRequest_FormatsAsIotHub() =>
        Assert.Equal("$iothub/methods/POST/areYouOk/?$rid=1f", IotHubCloudTopics.MethodRequest("areYouOk", "1f"));

    [Theory]
    [InlineData("$iothub/methods/res/200/?$rid=7", 200, "7")]
    [InlineData("$iothub/methods/res/504/?$rid=ab&x=1", 504, "ab")]
    public void TryParseMethodResponse_Valid_ReturnsStatusAndRid(string topic, int status, string rid)
    {
        Assert.True(IotHubCloudTopics.TryParseMethodResponse(topic, out var s, out var r));
        Assert.Equal((status, rid), (s, r));
    }

    [Theory]
    [InlineData("$iothub/methods/res/abc/?$rid=7")]
    [InlineData("$iothub/methods/res/200/")]
    [InlineData("$iothub/methods/res//?$rid=7")]
    [InlineData("$iothub/methods/POST/x/?$rid=7")]
    [InlineData("$iothub/methods/res/-1/?$rid=7")]
    public void TryParseMethodResponse_Invalid_False(string topic) =>
        Assert.False(IotHubCloudTopics.TryParseMethodResponse(topic, out _, out _));

    [Theory]
    [InlineData("$iothub/twin/GET/?$rid=42", "42")]
    [InlineData("$iothub/twin/PATCH/properties/reported/?%24rid=5", "5")]
    [InlineData("$iothub/twin/GET/", null)]
    public void RequestId_ReadsQuery(string topic, string? rid) => Assert.Equal(rid, IotHubCloudTopics.RequestId(topic));

    [Fact]
    public void TwinResponse_WithVersion_AppendsVersion()
    {
        Assert.Equal("$iothub/twin/res/200/?$rid=3", IotHubCloudTopics.TwinResponse(200, "3"));
        Assert.Equal("$iothub/twin/res/204/?$rid=3&$version=9", IotHubCloudTopics.TwinResponse(204, "3", 9));
        Assert.Equal("$iothub/twin/PATCH/properties/desired/?$version=4", IotHubCloudTopics.DesiredPatch(4));
    }

    [Fact]
    public void CloudToDevice_EncodesPropertyBag() =>
        Assert.Equal("devices/w1/messages/devicebound/kind=prompt&%24.mid=m%201",
            IotHubCloudTopics.CloudToDevice("w1", [new("kind", "prompt"), new("$.mid", "m 1")]));
}
