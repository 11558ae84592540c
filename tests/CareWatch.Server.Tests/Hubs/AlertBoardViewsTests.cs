using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Escalation;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Hubs;

/// <summary>The board's alerts with who is handling them, from GET /api/alerts and from the bureau's pushes.</summary>
public sealed class AlertBoardViewsTests : ServerTest
{
    [Fact]
    public async Task List_StaffAfterStepOneAndComments_NamesTheNotifiedTheNextStepAndTheLatestThreeComments()
    {
        var senior = await Arrange.SeniorAsync(Server, "Hanna Handling");
        var ana = await PersonAsync(CareWatchRoles.Staff, senior.BureauId, "Ana Wang");
        var ben = await PersonAsync(CareWatchRoles.Staff, senior.BureauId, "Ben Li");
        var alert = await ArrangeAlerts.RaiseAsync(Server, senior.Id, AlertKinds.Sos, null, Arrange.MinutesAgo(0),
            "SOS pressed.");
        await StepOneAsync(alert.Id);
        using var staff = await People.SignInAsync(Server, ana);
        var version = await VersionAsync(alert.Id);
        foreach (var text in new[] { "one", "two", "three", "four" })
            version = await CommandAsync(staff, alert.Id, "comments", new { version, text });
        await CommandAsync(staff, alert.Id, "assign", new { version, assignee = ben.Id });

        var handling = (await staff.Http.GetFromJsonAsync<JsonElement>("api/alerts"))
            .EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == alert.Id).GetProperty("handling");

        Assert.Equal((ben.Id, "Ben Li"), (handling.GetProperty("assignedTo").GetGuid(),
            handling.GetProperty("assignedToName").GetString()));
        var step = Assert.Single(handling.GetProperty("steps").EnumerateArray());
        Assert.Equal((1, "on-duty-staff"),
            (step.GetProperty("step").GetInt32(), step.GetProperty("recipient").GetString()));
        var notified = step.GetProperty("notified").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("Ana Wang", notified);
        Assert.Contains("Ben Li", notified);
        var next = handling.GetProperty("nextStep");
        Assert.Equal((2, "supervisors"),
            (next.GetProperty("step").GetInt32(), next.GetProperty("recipient").GetString()));
        Assert.Equal(handling.GetProperty("openedAt").GetDateTime().AddSeconds(DefaultChain.Steps[1].AfterSeconds),
            next.GetProperty("at").GetDateTime());
        Assert.Equal(["two", "three", "four"], handling.GetProperty("comments").EnumerateArray()
            .Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(("Ana Wang", 4), (handling.GetProperty("comments")[0].GetProperty("author").GetString(),
            handling.GetProperty("commentCount").GetInt32()));
    }

    [Fact]
    public async Task Push_AcknowledgedByStaff_BureauBoardSeesWhoTheRelativeSeesNoHandling()
    {
        var senior = await Arrange.SeniorAsync(Server, "Paula Push");
        var ana = await PersonAsync(CareWatchRoles.Staff, senior.BureauId, "Ana Wang");
        using var staff = await People.SignInAsync(Server, ana);
        using var colleague = await People.SignInNewAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        using var relative = await People.SignInNewAsync(Server, CareWatchRoles.Relative, seniorId: senior.Id);
        await using var board = await AlertChannel.ConnectAsync(Server, colleague);
        await using var family = await AlertChannel.ConnectAsync(Server, relative);
        var at = TimeProvider.System.GetUtcNow().UtcDateTime; // the chain far ahead: no sweep changes it meanwhile
        var alert = (await Server.Services.GetRequiredService<AlertTransitions>().RaiseAsync(new NewAlert(senior.Id,
            AlertKinds.Fall, AlertSeverity.Critical, AlertStates.Open, null, at, "Fall detected.",
            NextStepAt: at.AddHours(1)), MonitorChanges.Monitor, at)).Alert;

        await CommandAsync(staff, alert.Id, "acknowledge", new { version = await VersionAsync(alert.Id) });
        var seen = await board.NextMatchingAsync(a => a.Id == alert.Id && a.Status == "acknowledged");
        var told = await family.NextMatchingAsync(a => a.Id == alert.Id && a.Status == "acknowledged");
        var listedForRelative = await relative.Http.GetFromJsonAsync<JsonElement>("api/alerts");

        Assert.Equal("Ana Wang", seen.Handling!.Value.GetProperty("acknowledgedBy").GetString());
        Assert.Null(told.Handling);
        Assert.Equal(JsonValueKind.Null, listedForRelative[0].GetProperty("handling").ValueKind);
    }

    private async Task<TestAccount> PersonAsync(string role, Guid bureauId, string name)
    {
        var account = await People.CreateAsync(Server, role, bureauId);
        await Db.ScalarAsync<int>("UPDATE users SET display_name = @n WHERE id = @id RETURNING 1",
            ("n", name), ("id", account.Id));
        return account;
    }

    // The sweep carries out step 1 now (the alert's next step is due at once); the hosted sweep may beat it to it.
    private async Task StepOneAsync(long alertId)
    {
        await Server.Services.GetRequiredService<EscalationSweep>().EscalateDueAsync();
        await Eventually.TrueAsync(async () => await Db.ScalarAsync<short>(
            "SELECT escalation_step FROM alerts WHERE id = @id", ("id", alertId)) >= 1, "step 1 carried out");
    }

    private Task<int> VersionAsync(long alertId) =>
        Db.ScalarAsync<int>("SELECT version FROM alerts WHERE id = @id", ("id", alertId));

    private static async Task<int> CommandAsync(SignedInClient client, long alertId, string command, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/alerts/{alertId}/{command}")
            { Content = JsonContent.Create(body) };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, client.AntiforgeryToken);
        using var response = await client.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("alert").GetProperty("version").GetInt32();
    }
}
