using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>/api/bureau/webhooks: the secret is shown once and stored protected; other bureaus see nothing.</summary>
public sealed class WebhooksApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    [Fact]
    public async Task CreateListDelete_Supervisor_SecretOnceAndProtectedAtRest()
    {
        var senior = await fixture.SeniorAsync("Webhook Senior");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var created = await supervisor.PostAsJsonAsync("api/bureau/webhooks",
            new { name = "SMS gateway", url = "https://sms.example/hook?token=abc" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("webhook").GetProperty("id").GetGuid();
        Assert.Equal(64, secret.Length);

        var listed = await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/webhooks");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.DoesNotContain(secret, listed.ToString());
        var stored = await fixture.Db.ScalarAsync<string>("SELECT secret FROM webhooks WHERE id = @id", ("id", id));
        Assert.DoesNotContain(secret, stored);

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"api/bureau/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.DeleteAsync($"api/bureau/webhooks/{id}")).StatusCode);
        var audit = await AuditOf.BureauAsync(fixture.Db, senior.BureauId);
        Assert.Equal(["webhook.created", "webhook.deleted"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.DoesNotContain("token", e.Details));
        Assert.All(audit, e => Assert.DoesNotContain(secret, e.Details));
    }

    [Theory]
    [InlineData("", "https://sms.example/", "name")]
    [InlineData("SMS", "http://sms.example/", "url")] // clear text off this machine
    [InlineData("SMS", "ftp://sms.example/", "url")]
    [InlineData("SMS", "not a url", "url")]
    public async Task Create_Invalid_400NamingTheField(string name, string url, string field)
    {
        var senior = await fixture.SeniorAsync("Webhook Invalid " + field);
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var response = await supervisor.PostAsJsonAsync("api/bureau/webhooks", new { name, url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Create_LoopbackHttp_Allowed()
    {
        var senior = await fixture.SeniorAsync("Webhook Local");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var response = await supervisor.PostAsJsonAsync("api/bureau/webhooks", new { name = "Local", url = "http://127.0.0.1:9000/in" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AnotherBureau_SeesNoneAndCannotDelete()
    {
        var senior = await fixture.SeniorAsync("Webhook Mine");
        var other = await fixture.SeniorAsync("Webhook Theirs");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        using var foreign = fixture.Supervisor(other.BureauId);
        using var created = await supervisor.PostAsJsonAsync("api/bureau/webhooks", new { name = "SMS", url = "https://sms.example/" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook").GetProperty("id").GetGuid();

        Assert.Empty((await foreign.GetFromJsonAsync<JsonElement>("api/bureau/webhooks")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"api/bureau/webhooks/{id}")).StatusCode);
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/webhooks")).EnumerateArray());
    }
}
