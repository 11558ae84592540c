using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class DeviceConnectionStringTests
{
    [Fact]
    public void Parse_ToStringOutput_RoundTrips()
    {
        var original = new DeviceConnectionString("hub.example", "w1", DeviceConnectionString.NewKey());

        Assert.Equal(original, DeviceConnectionString.Parse(original.ToString()));
    }

    [Fact]
    public void Parse_KeyWithPadding_KeepsEqualsSigns()
    {
        var parsed = DeviceConnectionString.Parse("HostName=h;DeviceId=w1;SharedAccessKey=abc==");

        Assert.Equal("abc==", parsed.SharedAccessKey);
    }

    [Fact]
    public void Parse_MissingDeviceId_ThrowsNamingIt()
    {
        var ex = Assert.Throws<FormatException>(() => DeviceConnectionString.Parse("HostName=h;SharedAccessKey=k"));

        Assert.Contains("DeviceId", ex.Message);
    }

    [Fact]
    public void NewKey_Is256BitBase64() => Assert.Equal(32, Convert.FromBase64String(DeviceConnectionString.NewKey()).Length);
}
