using CareWatch.Protocol;

namespace CareWatch.Protocol.Tests;

public sealed class SasTokenTests
{
    private const string Host = "hub.carewatch.test";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Key = DeviceConnectionString.NewKey();

    private static SasCheck Check(string token, string device = "w1", TimeSpan? skew = null, params string[] keys) =>
        SasToken.Validate(token, Host, device, keys.Length == 0 ? [Key] : keys, Now, skew ?? TimeSpan.FromMinutes(5));

    [Fact]
    public void Validate_FreshToken_Valid()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), Key, Now.AddHours(1));

        Assert.Equal(SasCheck.Valid, Check(token));
    }

    [Fact]
    public void Validate_SecondKeyMatches_Valid()
    {
        var second = DeviceConnectionString.NewKey();
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), second, Now.AddHours(1));

        Assert.Equal(SasCheck.Valid, Check(token, keys: [Key, second]));
    }

    [Fact]
    public void Validate_ExpiredBeyondSkew_Expired()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), Key, Now.AddMinutes(-6));

        Assert.Equal(SasCheck.Expired, Check(token));
    }

    [Fact]
    public void Validate_ExpiredWithinSkew_Valid()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), Key, Now.AddMinutes(-4));

        Assert.Equal(SasCheck.Valid, Check(token));
    }

    [Fact]
    public void Validate_WrongKey_BadSignature()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), DeviceConnectionString.NewKey(), Now.AddHours(1));

        Assert.Equal(SasCheck.BadSignature, Check(token));
    }

    [Fact]
    public void Validate_AnotherDevicesResource_WrongResource()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w2"), Key, Now.AddHours(1));

        Assert.Equal(SasCheck.WrongResource, Check(token, device: "w1"));
    }

    [Fact]
    public void Validate_AnotherHub_WrongResource()
    {
        var token = SasToken.Create(SasToken.DeviceResource("other.azure-devices.net", "w1"), Key, Now.AddHours(1));

        Assert.Equal(SasCheck.WrongResource, Check(token));
    }

    [Fact]
    public void Validate_ExpiryTamperedToLater_BadSignature()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), Key, Now.AddHours(1));
        var expiry = Now.AddHours(1).ToUnixTimeSeconds().ToString();
        var tampered = token.Replace($"se={expiry}", $"se={Now.AddYears(1).ToUnixTimeSeconds()}");

        Assert.NotEqual(token, tampered);
        Assert.Equal(SasCheck.BadSignature, Check(tampered));
    }

    [Fact]
    public void Validate_ResourceWithSchemeAndUpperCase_Valid()
    {
        var token = SasToken.Create($"https://{Host.ToUpperInvariant()}/devices/w1", Key, Now.AddHours(1));

        Assert.Equal(SasCheck.Valid, Check(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sr=a&sig=b&se=1")]
    [InlineData("SharedAccessSignature sr=a&sig=b")]
    [InlineData("SharedAccessSignature sr=a&sig=b&se=x")]
    [InlineData("SharedAccessSignature sr=a&sig=b&se=1&zz=1")]
    public void Validate_NotASasToken_Malformed(string? token) =>
        Assert.Equal(SasCheck.Malformed, SasToken.Validate(token, Host, "a", [Key], Now, TimeSpan.Zero));

    [Fact]
    public void Validate_SignatureNotBase64_Malformed()
    {
        var token = $"SharedAccessSignature sr={Uri.EscapeDataString(SasToken.DeviceResource(Host, "w1"))}&sig=%%%&se={Now.AddHours(1).ToUnixTimeSeconds()}";

        Assert.Equal(SasCheck.Malformed, Check(token));
    }

    [Fact]
    public void TryParse_CreatedToken_FieldsRoundTrip()
    {
        var token = SasToken.Create(SasToken.DeviceResource(Host, "w1"), Key, Now.AddHours(1));

        Assert.True(SasToken.TryParse(token, out var parsed));
        Assert.Equal(Uri.EscapeDataString($"{Host}/devices/w1"), parsed.EncodedResource);
        Assert.Equal(Now.AddHours(1).ToUnixTimeSeconds(), parsed.Expiry);
    }
}
