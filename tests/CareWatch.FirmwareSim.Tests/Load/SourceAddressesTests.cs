using System.Net;
using CareWatch.FirmwareSim.Load;

namespace CareWatch.FirmwareSim.Tests.Load;

public sealed class SourceAddressesTests
{
    [Fact]
    public void Loopback_Three_StartsAt127_0_0_2AndRoundRobins()
    {
        var sources = SourceAddresses.Loopback(3);

        Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"], sources.Addresses.Select(a => a.ToString()));
        Assert.Equal(IPAddress.Parse("127.0.0.2"), sources.For(3)!.Address);
        Assert.Equal(0, sources.For(1)!.Port);
    }

    [Fact]
    public void For_NoneConfigured_NullSoTheSystemPicks()
    {
        Assert.Null(SourceAddresses.None.For(7));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    [InlineData("not-an-ip")]
    public void Parse_NotIpv4Loopback_Throws(string text)
    {
        Assert.Throws<FormatException>(() => SourceAddresses.Parse(text));
    }

    [Fact]
    public void Parse_List_KeepsOrder()
    {
        Assert.Equal(["127.0.0.9", "127.1.2.3"], SourceAddresses.Parse("127.0.0.9, 127.1.2.3").Addresses.Select(a => a.ToString()));
    }
}
