using System.Net;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Extensions;

public sealed class SecurityHeadersTests : ServerTest
{
    protected override string[] Settings => ["Gateway:HostName=hub.carewatch.test"];

    [Theory]
    [InlineData("/")]
    [InlineData("/api/seniors")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyAnswer_CarriesSecurityHeaders(string path)
    {
        using var response = await Server.Http.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public async Task Get_OverHttpsWithPublicName_SendsHstsButNotOverPlainHttp()
    {
        using var https = Server.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "health/live");
        request.Headers.Host = "hub.carewatch.test"; // HSTS is never sent for loopback names
        using var secure = await https.SendAsync(request);
        using var plain = await Server.Http.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Preflight_NoOriginsConfigured_NoAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "api/devices");
        request.Headers.TryAddWithoutValidation("Origin", "https://attacker.example");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        using var preflight = await Server.Http.SendAsync(request);
        using var get = new HttpRequestMessage(HttpMethod.Get, "api/seniors");
        get.Headers.TryAddWithoutValidation("Origin", "https://attacker.example");
        using var read = await Server.Http.SendAsync(get);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
