using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Privacy;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>/api/bureau/escalation: a supervisor reads the default chain, saves their own, and nobody else's.</summary>
public sealed class EscalationApiTests(PrivacyServer fixture) : IClassFixture<PrivacyServer>
{
    [Fact]
    public async Task GetPut_Supervisor_DefaultThenOwnChainThenBackToDefault_Audited()
    {
        var senior = await fixture.SeniorAsync("Chain Senior");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        var initial = await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/escalation");
        Assert.True(initial.GetProperty("isDefault").GetBoolean());
        Assert.Equal(["on-duty-staff", "supervisors", "all-relatives"], Recipients(initial));

        using var saved = await supervisor.PutAsJsonAsync("api/bureau/escalation", new
        {
            steps = new object[]
            {
                new { position = 1, afterSeconds = 0, recipient = "relative", relativeOrder = 1 },
                new { position = 2, afterSeconds = 120, recipient = "on-duty-staff" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var mine = await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/escalation");
        Assert.False(mine.GetProperty("isDefault").GetBoolean());
        Assert.Equal(["relative", "on-duty-staff"], Recipients(mine));
        Assert.Equal(1, mine.GetProperty("steps")[0].GetProperty("relativeOrder").GetInt32());

        using var reset = await supervisor.PutAsJsonAsync("api/bureau/escalation", new { steps = Array.Empty<object>() });
        Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDefault").GetBoolean());
        Assert.Equal(["bureau.escalation-changed", "bureau.escalation-changed"],
            (await AuditOf.BureauAsync(fixture.Db, senior.BureauId)).Select(e => e.Action));
    }

    [Fact]
    public async Task Put_ReminderInterval_StoredWithTheChain_TooShortRefused()
    {
        var senior = await fixture.SeniorAsync("Reminder Senior");
        using var supervisor = fixture.Supervisor(senior.BureauId);
        var steps = new[] { new { position = 1, afterSeconds = 0, recipient = "on-duty-staff" } };

        var initial = await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/escalation");
        using var saved = await supervisor.PutAsJsonAsync("api/bureau/escalation", new { steps, reminderEverySeconds = 60 });
        using var kept = await supervisor.PutAsJsonAsync("api/bureau/escalation", new { steps });
        using var tooShort = await supervisor.PutAsJsonAsync("api/bureau/escalation", new { steps, reminderEverySeconds = 5 });

        Assert.Equal(300, initial.GetProperty("reminderEverySeconds").GetInt32());
        Assert.Equal(60, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reminderEverySeconds").GetInt32());
        Assert.Equal(60, (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reminderEverySeconds").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("reminderEverySeconds", out _));
        Assert.Equal(60, (await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/escalation"))
            .GetProperty("reminderEverySeconds").GetInt32());
    }

    [Fact]
    public async Task Put_InvalidChain_400NamingTheField()
    {
        var senior = await fixture.SeniorAsync("Invalid Chain");
        using var supervisor = fixture.Supervisor(senior.BureauId);

        using var late = await supervisor.PutAsJsonAsync("api/bureau/escalation",
            new { steps = new[] { new { position = 1, afterSeconds = 60, recipient = "supervisors" } } });
        using var unknown = await supervisor.PutAsJsonAsync("api/bureau/escalation",
            new { steps = new[] { new { position = 1, afterSeconds = 0, recipient = "neighbours" } } });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.True((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("steps[0].afterSeconds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/escalation")).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Put_AnotherBureausWebhook_400AndNothingChanges()
    {
        var mine = await fixture.SeniorAsync("Webhook Chain Mine");
        var theirs = await fixture.SeniorAsync("Webhook Chain Theirs");
        using var foreign = fixture.Supervisor(theirs.BureauId);
        using var created = await foreign.PostAsJsonAsync("api/bureau/webhooks", new { name = "Theirs", url = "https://sms.example/x" });
        var theirHook = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook").GetProperty("id").GetGuid();
        using var supervisor = fixture.Supervisor(mine.BureauId);

        using var put = await supervisor.PutAsJsonAsync("api/bureau/escalation",
            new { steps = new[] { new { position = 1, afterSeconds = 0, recipient = "webhook", webhookId = theirHook } } });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.True((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("steps[0].webhookId", out _));
        Assert.True((await supervisor.GetFromJsonAsync<JsonElement>("api/bureau/escalation")).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Get_Staff_Forbidden()
    {
        var senior = await fixture.SeniorAsync("Chain Staff");
        using var staff = fixture.Staff(senior.BureauId);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("api/bureau/escalation")).StatusCode);
    }

    private static List<string?> Recipients(JsonElement chain) =>
        chain.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("recipient").GetString()).ToList();
}
