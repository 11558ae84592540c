using System.Net;
using System.Net.Http.Headers;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Accounts;

public sealed class ApiKeyAuthenticationTests : ServerTest
{
    [Theory]
    [InlineData("api/seniors")]
    [InlineData("api/alerts")]
    [InlineData("api/devices")]
    [InlineData("api/insights")]
    [InlineData("api/admin/models")]
    [InlineData("hubs/alerts/negotiate?negotiateVersion=1")]
    public async Task Get_Anonymous_Answers401WithoutRedirect(string path)
    {
        using var response = path.StartsWith("hubs/")
            ? await Server.Anonymous.PostAsync(path, null)
            : await Server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Get_HealthAnonymous_Answers200()
    {
        using var response = await Server.Anonymous.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_AuthorizationHeaderScheme_SignsInLikeTheApiKeyHeader()
    {
        var key = await Server.ApiKeyAsync(await Server.TestBureauAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/seniors");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        using var response = await Server.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_WrongOrRevokedKey_Answers401()
    {
        var bureau = TenantScope.Bureau(await Server.TestBureauAsync());
        var store = Server.Services.GetRequiredService<ApiKeyStore>();
        var revoked = await store.CreateAsync(bureau, "to revoke");
        await store.RevokeAsync(bureau, revoked.Record.Id);
        var wrong = revoked.Key[..^1] + (revoked.Key[^1] == '0' ? '1' : '0');

        foreach (var key in new[] { revoked.Key, wrong, "cwk_nonsense" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/seniors");
            request.Headers.Add("X-Api-Key", key);
            using var response = await Server.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Post_AdminEndpointWithBureauKey_Answers403()
    {
        using var response = await Server.Http.PostAsync("api/admin/models/train", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("staff", "api/devices", HttpStatusCode.OK)]
    [InlineData("staff", "api/devices/x/disable", HttpStatusCode.Forbidden)]
    [InlineData("relative", "api/alerts", HttpStatusCode.OK)]
    [InlineData("relative", "api/devices", HttpStatusCode.Forbidden)]
    [InlineData("admin", "api/alerts", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "api/devices/no-such/disable", HttpStatusCode.NotFound)]
    public async Task Call_PersonRoles_PoliciesAdmitOnlyTheirAreas(string role, string path, HttpStatusCode expected)
    {
        var bureau = await Server.TestBureauAsync();
        var senior = await Arrange.SeniorAsync(Server, "Relative's senior");
        using var client = role == "relative" ? Server.ClientAs(role, seniorId: senior.Id)
            : role == "admin" ? Server.ClientAs(role) : Server.ClientAs(role, bureauId: bureau);

        using var response = path.EndsWith("/disable") ? await client.PostAsync(path, null) : await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }
}
