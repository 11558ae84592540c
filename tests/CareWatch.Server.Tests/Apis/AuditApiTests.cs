using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Audit;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Apis;

/// <summary>GET /api/audit: a supervisor pages through their own bureau's entries, newest first, and no one else's.</summary>
public sealed class AuditApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    [Fact]
    public async Task List_SupervisorTwoBureaus_OwnEntriesNewestFirstInPages()
    {
        var mine = await fixture.SeniorAsync("Audit Mine");
        var theirs = await fixture.SeniorAsync("Audit Theirs");
        var trail = fixture.Server.Services.GetRequiredService<IAuditTrail>();
        var actor = new AuditActor(AuditActorKind.User, "u-1", "someone");
        for (var i = 0; i < 5; i++)
        {
            await trail.RecordAsync(actor, AuditActions.DeviceCreated, mine.BureauId, $"watch-{i}");
            await trail.RecordAsync(actor, AuditActions.DeviceCreated, theirs.BureauId, $"theirs-{i}");
        }
        using var supervisor = fixture.Supervisor(mine.BureauId);

        var first = await supervisor.GetFromJsonAsync<JsonElement>("api/audit?limit=3");
        var next = first.GetProperty("nextBeforeId").GetInt64();
        var second = await supervisor.GetFromJsonAsync<JsonElement>($"api/audit?limit=3&beforeId={next}");

        Assert.Equal(["watch-4", "watch-3", "watch-2"], Subjects(first));
        Assert.Equal(["watch-1", "watch-0"], Subjects(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBeforeId").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/audit?limit=0")).StatusCode);
    }

    [Fact]
    public async Task RecordAsync_RelativePrincipal_StoredWithoutTheirName()
    {
        var senior = await fixture.SeniorAsync("Audit Relative");
        var trail = fixture.Server.Services.GetRequiredService<IAuditTrail>();
        var relative = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.Role, "relative"), new(System.Security.Claims.ClaimTypes.NameIdentifier, "rel-7"),
            new(System.Security.Claims.ClaimTypes.Name, "Margarete Tochter"), new("carewatch:senior", senior.Id.ToString()),
        ], "Test"));

        await trail.RecordAsync(relative, AuditActions.Alert("checking"), "alert-1", seniorId: senior.Id, bureauId: senior.BureauId);

        using var supervisor = fixture.Supervisor(senior.BureauId);
        var page = await supervisor.GetFromJsonAsync<JsonElement>("api/audit");
        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal(("user", "rel-7", "alert.checking"),
            (entry.GetProperty("actorKind").GetString(), entry.GetProperty("actorId").GetString(), entry.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("actorDisplay").ValueKind);
    }

    private static List<string?> Subjects(JsonElement page) =>
        page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("subject").GetString()).ToList();
}
