using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>/api/seniors/{id}/contacts: supervisors and integrations keep a senior's relatives; other bureaus see none.</summary>
public sealed class ContactsApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    private static object Daughter(int order = 1) => new
    {
        name = "Anna Tochter", relation = "daughter", language = "de", email = "anna@example.org", chainOrder = order,
        channels = new[] { "email" }, quietFrom = "22:00:00", quietUntil = "07:00:00",
    };

    [Fact]
    public async Task CreateUpdateDelete_Supervisor_ListedInOrderAndAuditedWithoutPersonalData()
    {
        var senior = await fixture.SeniorAsync("Contacts Senior");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        var url = $"api/seniors/{senior.Id}/contacts";

        using var created = await supervisor.PostAsJsonAsync(url, Daughter());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var updated = await supervisor.PutAsJsonAsync($"{url}/{id}", new
        {
            name = "Anna Tochter", relation = "daughter", language = "en", phone = "+49 170 1", chainOrder = 2,
            channels = new[] { "webhook" },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var contact = Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
        Assert.Equal(("en", 2, JsonValueKind.Null), (contact.GetProperty("language").GetString(),
            contact.GetProperty("chainOrder").GetInt32(), contact.GetProperty("email").ValueKind));

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
        var audit = await AuditOf.BureauAsync(fixture.Db, senior.BureauId);
        Assert.Equal(["contact.created", "contact.updated", "contact.deleted"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.DoesNotContain("Anna", e.Details));
        Assert.All(audit, e => Assert.DoesNotContain("example.org", e.Details));
    }

    [Fact]
    public async Task Create_Integration_Allowed_Staff_Forbidden()
    {
        var senior = await fixture.SeniorAsync("Contacts Roles");
        using var integration = fixture.Server.ClientAs("integration", senior.BureauId);
        using var staff = fixture.Staff(senior.BureauId);

        Assert.Equal(HttpStatusCode.Created, (await integration.PostAsJsonAsync($"api/seniors/{senior.Id}/contacts", Daughter())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"api/seniors/{senior.Id}/contacts")).StatusCode);
    }

    [Fact]
    public async Task Create_InvalidOrOrderTaken_400NamingTheField()
    {
        var senior = await fixture.SeniorAsync("Contacts Invalid");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        var url = $"api/seniors/{senior.Id}/contacts";
        await supervisor.PostAsJsonAsync(url, Daughter());

        using var taken = await supervisor.PostAsJsonAsync(url, Daughter());
        using var noAddress = await supervisor.PostAsJsonAsync(url, new
        {
            name = "Ben", relation = "son", language = "en", chainOrder = 2, channels = new[] { "email" },
        });

        Assert.Equal(["chainOrder"], await FieldsAsync(taken));
        Assert.Equal(["email"], await FieldsAsync(noAddress));
    }

    [Fact]
    public async Task AnotherBureausSenior_404ForEveryMethod()
    {
        var senior = await fixture.SeniorAsync("Contacts Mine");
        var other = await fixture.SeniorAsync("Contacts Theirs");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        using var foreign = fixture.Supervisor(other.BureauId);
        var url = $"api/seniors/{senior.Id}/contacts";
        using var created = await supervisor.PostAsJsonAsync(url, Daughter());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync(url, Daughter(2))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync(url, new { name = "" })).StatusCode); // not 400
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync($"{url}/{id}", Daughter(3))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
    }

    private static async Task<List<string>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
