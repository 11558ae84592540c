using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

public sealed class ApiKeysApiTests : ServerTest
{
    [Fact]
    public async Task Create_Supervisor_KeyShownOnceOpensTheBureauUntilRevoked()
    {
        var bureau = await Server.TestBureauAsync();
        var supervisor = Server.ClientAs("supervisor", bureauId: bureau);

        using var created = await supervisor.PostAsJsonAsync("api/api-keys", new { name = "rota system" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("apiKey").GetProperty("id").GetGuid();
        using var integration = new HttpClient { BaseAddress = Server.BaseAddress };
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var before = await integration.GetAsync("api/seniors");
        var listed = await supervisor.GetStringAsync("api/api-keys");
        using var revoked = await supervisor.DeleteAsync($"api/api-keys/{id}");
        using var after = await integration.GetAsync("api/seniors");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("rota system", listed);
        Assert.DoesNotContain(key[^64..], listed);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Create_IntegrationOrStaff_Answers403AndOtherBureauCannotRevoke()
    {
        var bureau = await Server.TestBureauAsync();
        var other = await Arrange.SeniorInNewBureauAsync(Server, "Bai");
        using var created = await Server.ClientAs("supervisor", bureauId: bureau).PostAsJsonAsync("api/api-keys", new { name = "x" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("id").GetGuid();

        using var byKey = await Server.Http.PostAsJsonAsync("api/api-keys", new { name = "minted by a key" });
        using var byStaff = await Server.ClientAs("staff", bureauId: bureau).PostAsJsonAsync("api/api-keys", new { name = "y" });
        using var byOther = await Server.ClientAs("supervisor", bureauId: other.BureauId).DeleteAsync($"api/api-keys/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
    }
}
