using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;

namespace CareWatch.Server.Tests.Apis;

/// <summary>Consent records through the API: supervisors write, staff read, other bureaus see nothing.</summary>
public sealed class ConsentsApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    [Fact]
    public async Task RecordThenWithdraw_Supervisor_StaffReadsTheRecordAndBothAreAudited()
    {
        var senior = await fixture.SeniorAsync("Konstanze Einverstanden");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        using var staff = fixture.Staff(senior.BureauId);

        using var created = await supervisor.PostAsJsonAsync($"api/seniors/{senior.Id}/consents", new
        {
            givenBy = "legal-representative", representative = "Dr. Vormund", purposes = new[] { "monitoring", "relative-notification" },
            consentedAt = "2026-03-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var withdrawn = await supervisor.PostAsync($"api/seniors/{senior.Id}/consents/{id}/withdraw", null);
        var listed = await staff.GetFromJsonAsync<JsonElement>($"api/seniors/{senior.Id}/consents");

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        var consent = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("legal-representative", "Dr. Vormund", "test"), // the test principal has a name only
            (consent.GetProperty("givenBy").GetString(), consent.GetProperty("representative").GetString(),
             consent.GetProperty("recordedBy").GetString()));
        Assert.NotEqual(JsonValueKind.Null, consent.GetProperty("withdrawnAt").ValueKind);
        var audit = await supervisor.GetFromJsonAsync<JsonElement>("api/audit");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["consent.withdrawn", "consent.recorded"], actions);
        Assert.DoesNotContain("Dr. Vormund", audit.ToString());
    }

    [Fact]
    public async Task Record_StaffOrBadRequestOrOtherBureau_403Or400Or404()
    {
        var senior = await fixture.SeniorAsync("Berta Ablehnung");
        var other = await fixture.SeniorAsync("Other Bureau");
        using var staff = fixture.Staff(senior.BureauId);
        using var supervisor = fixture.Supervisor(senior.BureauId);
        using var foreign = fixture.Supervisor(other.BureauId);
        var valid = new { givenBy = "senior", purposes = new[] { "monitoring" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"api/seniors/{senior.Id}/consents", valid)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"api/seniors/{senior.Id}/consents",
            new { givenBy = "legal-representative", purposes = new[] { "monitoring" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"api/seniors/{senior.Id}/consents",
            new { givenBy = "senior", purposes = new[] { "advertising" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"api/seniors/{senior.Id}/consents", valid)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"api/seniors/{senior.Id}/consents")).StatusCode);
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM senior_consents WHERE senior_id = @s", ("s", senior.Id)));
    }
}
