using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Apis;

/// <summary>/api/bureau/shifts: supervisors keep the rota of their own bureau's people.</summary>
public sealed class ShiftsApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    private static readonly DateTimeOffset Start = new(2030, 5, 4, 6, 0, 0, TimeSpan.Zero); // ahead of the server's clock

    [Fact]
    public async Task AddListDelete_Supervisor_RotaChangesAndIsAudited()
    {
        var senior = await fixture.SeniorAsync("Rota Senior");
        var staff = await TestUsers.AddAsync(fixture.Db.DataSource, senior.BureauId, "staff");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var added = await supervisor.PostAsJsonAsync("api/bureau/shifts",
            new { userId = staff, startsAt = Start, endsAt = Start.AddHours(8) });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var listed = await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/shifts");
        var shift = Assert.Single(listed.EnumerateArray());
        Assert.Equal((staff, Start.AddHours(8)), (shift.GetProperty("userId").GetGuid(), shift.GetProperty("endsAt").GetDateTimeOffset()));
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>($"api/bureau/shifts?from={Uri.EscapeDataString(
            Start.AddHours(9).ToString("O"))}")).EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"api/bureau/shifts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.DeleteAsync($"api/bureau/shifts/{id}")).StatusCode);
        Assert.Equal([("shift.added", id.ToString()), ("shift.deleted", id.ToString())],
            (await AuditOf.BureauAsync(fixture.Db, senior.BureauId)).Select(e => (e.Action, e.Subject)));
    }

    [Fact]
    public async Task Add_BadTimesOrSomeoneElsesStaff_400()
    {
        var senior = await fixture.SeniorAsync("Rota Invalid");
        var other = await fixture.SeniorAsync("Rota Other");
        var theirStaff = await TestUsers.AddAsync(fixture.Db.DataSource, other.BureauId, "staff");
        var staff = await TestUsers.AddAsync(fixture.Db.DataSource, senior.BureauId, "staff");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        async Task<string> FieldAsync(object body)
        {
            using var response = await supervisor.PostAsJsonAsync("api/bureau/shifts", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Single().Name;
        }

        Assert.Equal("endsAt", await FieldAsync(new { userId = staff, startsAt = Start, endsAt = Start }));
        Assert.Equal("endsAt", await FieldAsync(new { userId = staff, startsAt = Start, endsAt = Start.AddDays(8) }));
        Assert.Equal("startsAt", await FieldAsync(new { userId = staff, endsAt = Start }));
        Assert.Equal("userId", await FieldAsync(new { userId = theirStaff, startsAt = Start, endsAt = Start.AddHours(8) }));
    }

    [Fact]
    public async Task Delete_AnotherBureausShift_404AndItStays()
    {
        var senior = await fixture.SeniorAsync("Rota Mine");
        var other = await fixture.SeniorAsync("Rota Theirs");
        var staff = await TestUsers.AddAsync(fixture.Db.DataSource, senior.BureauId, "staff");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        using var foreign = fixture.Supervisor(other.BureauId);
        using var added = await supervisor.PostAsJsonAsync("api/bureau/shifts",
            new { userId = staff, startsAt = Start, endsAt = Start.AddHours(8) });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"api/bureau/shifts/{id}")).StatusCode);
        Assert.Empty((await foreign.GetFromJsonAsync<JsonElement>("api/bureau/shifts")).EnumerateArray());
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/shifts")).EnumerateArray());
    }
}
