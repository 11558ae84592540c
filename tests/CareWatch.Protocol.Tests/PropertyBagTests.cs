using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class PropertyBagTests
{
    [Fact]
    public void Decode_PercentEncodedDollar_BecomesDollar() =>
        Assert.Equal("x", PropertyBag.Decode("%24.mid=x")["$.mid"]);

    [Fact]
    public void Decode_KeyWithoutValue_EmptyValue() => Assert.Equal("", PropertyBag.Decode("flag")["flag"]);

    [Fact]
    public void Decode_DuplicateKey_LaterWins() => Assert.Equal("2", PropertyBag.Decode("a=1&a=2")["a"]);

    [Fact]
    public void Decode_PlusAndPercent_Unescaped() => Assert.Equal("a b/c", PropertyBag.Decode("k=a+b%2Fc")["k"]);

    [Fact]
    public void Encode_ReservedCharacters_Escaped() =>
        Assert.Equal("%24.mid=a%26b%3Dc", PropertyBag.Encode([new("$.mid", "a&b=c")]));
}
