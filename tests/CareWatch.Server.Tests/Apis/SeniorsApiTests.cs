using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>POST and PUT /api/seniors: supervisors add and edit their bureau's seniors; validated, scoped, audited.</summary>
public sealed class SeniorsApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    [Fact]
    public async Task Create_Supervisor_ListedAndAuditedWithoutTheName()
    {
        var existing = await fixture.SeniorAsync("Seniors Existing");
        using var supervisor = fixture.Supervisor(existing.BureauId);

        using var created = await supervisor.PostAsJsonAsync("api/seniors",
            new { displayName = "  Li Xiuying  ", timeZone = "Asia/Shanghai", language = "zh" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(("Li Xiuying", "Asia/Shanghai", "zh", existing.BureauId), (body.GetProperty("displayName").GetString(),
            body.GetProperty("timeZone").GetString(), body.GetProperty("language").GetString(),
            body.GetProperty("bureauId").GetGuid()));
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("api/seniors");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        var entry = Assert.Single(await AuditOf.BureauAsync(fixture.Db, existing.BureauId), e => e.Action == "senior.created");
        Assert.Equal(id.ToString(), entry.Subject);
        Assert.Contains("Asia/Shanghai", entry.Details);
        Assert.DoesNotContain("Xiuying", entry.Details);
    }

    [Theory]
    [InlineData("", "Europe/Berlin", "de", "displayName")]
    [InlineData("   ", "Europe/Berlin", "de", "displayName")]
    [InlineData("Name", "Mars/Olympus_Mons", "de", "timeZone")]
    [InlineData("Name", "W. Europe Standard Time", "de", "timeZone")]
    [InlineData("Name", " Europe/Berlin", "de", "timeZone")]
    [InlineData("Name", "Europe/Berlin", "fr", "language")]
    [InlineData("Name", "Europe/Berlin", null, "language")]
    public async Task Create_InvalidField_400NamingTheField(string name, string timeZone, string? language, string field)
    {
        var existing = await fixture.SeniorAsync("Seniors Invalid");
        using var supervisor = fixture.Supervisor(existing.BureauId);

        using var response = await supervisor.PostAsJsonAsync("api/seniors", new { displayName = name, timeZone, language });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain(await AuditOf.BureauAsync(fixture.Db, existing.BureauId), e => e.Action == "senior.created");
    }

    [Fact]
    public async Task Create_NameLongerThan200_400()
    {
        var existing = await fixture.SeniorAsync("Seniors Long");
        using var supervisor = fixture.Supervisor(existing.BureauId);

        using var response = await supervisor.PostAsJsonAsync("api/seniors",
            new { displayName = new string('x', 201), timeZone = "Europe/Berlin", language = "en" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Update_Supervisor_ChangesAndAudits()
    {
        var senior = await fixture.SeniorAsync("Seniors Before");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var response = await supervisor.PutAsJsonAsync($"api/seniors/{senior.Id}",
            new { displayName = "Seniors After", timeZone = "Asia/Shanghai", language = "de" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("api/seniors")).EnumerateArray());
        Assert.Equal(("Seniors After", "Asia/Shanghai"),
            (listed.GetProperty("displayName").GetString(), listed.GetProperty("timeZone").GetString()));
        var entry = Assert.Single(await AuditOf.BureauAsync(fixture.Db, senior.BureauId), e => e.Action == "senior.updated");
        Assert.Equal(senior.Id.ToString(), entry.Subject);
        Assert.DoesNotContain("After", entry.Details);
    }

    [Fact]
    public async Task Update_AnotherBureausSenior_404WhateverTheBodyAndUnchanged()
    {
        var senior = await fixture.SeniorAsync("Seniors Theirs");
        var mine = await fixture.SeniorAsync("Seniors Mine");
        using var foreign = fixture.Supervisor(mine.BureauId);

        using var valid = await foreign.PutAsJsonAsync($"api/seniors/{senior.Id}",
            new { displayName = "Taken Over", timeZone = "Europe/Berlin", language = "en" });
        using var invalid = await foreign.PutAsJsonAsync($"api/seniors/{senior.Id}", new { displayName = "" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (valid.StatusCode, invalid.StatusCode));
        using var owner = fixture.Supervisor(senior.BureauId);
        var listed = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("api/seniors")).EnumerateArray());
        Assert.Equal("Seniors Theirs", listed.GetProperty("displayName").GetString());
        Assert.Empty(await AuditOf.BureauAsync(fixture.Db, mine.BureauId));
    }

    [Fact]
    public async Task CreateAndUpdate_Staff_403()
    {
        var senior = await fixture.SeniorAsync("Seniors Staff");
        using var staff = fixture.Staff(senior.BureauId);
        var body = new { displayName = "By Staff", timeZone = "Europe/Berlin", language = "en" };

        using var created = await staff.PostAsJsonAsync("api/seniors", body);
        using var updated = await staff.PutAsJsonAsync($"api/seniors/{senior.Id}", body);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (created.StatusCode, updated.StatusCode));
    }
}
