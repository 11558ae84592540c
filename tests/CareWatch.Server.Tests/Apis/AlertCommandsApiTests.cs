using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Apis;

/// <summary>Staff commands on an alert through the API, as signed-in people of the bureau.</summary>
public sealed class AlertCommandsApiTests : ServerTest
{
    [Fact]
    public async Task Acknowledge_OpenAlert_200WithTheTrailTheChainStoppedAndAnAuditRow()
    {
        var (alert, bureau) = await OpenAlertAsync("Agnes Acknowledge");
        var account = await People.CreateAsync(Server, CareWatchRoles.Staff, bureau);
        using var staff = await People.SignInAsync(Server, account);

        var (status, body) = await PostAsync(staff, $"api/alerts/{alert.Id}/acknowledge", new { version = alert.Version });
        var stored = await Server.Services.GetRequiredService<AlertTransitions>().FindAsync(alert.Id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("acknowledged", 2, "Test staff"), (body.GetProperty("alert").GetProperty("status").GetString(),
            body.GetProperty("alert").GetProperty("version").GetInt32(), body.GetProperty("acknowledgedBy").GetString()));
        Assert.Equal(["raised", "acknowledged"], Events(body).Select(e => e.GetProperty("event").GetString()));
        Assert.Equal("Test staff", Events(body)[1].GetProperty("actorName").GetString());
        Assert.Equal((account.Id, (DateTime?)null, (DateTime?)null),
            (stored!.AcknowledgedBy!.Value, stored.NextStepAt, stored.SeverityRisesAt)); // the chain stops
        Assert.Equal(["alert.acknowledged"], await AuditActionsAsync(alert.Id));
    }

    [Fact]
    public async Task Acknowledge_SecondWithTheOldVersion_409WithTheCurrentAlert()
    {
        var (alert, bureau) = await OpenAlertAsync("Berta Twice");
        using var first = await People.SignInNewAsync(Server, CareWatchRoles.Staff, bureau);
        using var second = await People.SignInNewAsync(Server, CareWatchRoles.Supervisor, bureau);

        var (ok, _) = await PostAsync(first, $"api/alerts/{alert.Id}/acknowledge", new { version = alert.Version });
        var (conflict, problem) = await PostAsync(second, $"api/alerts/{alert.Id}/acknowledge", new { version = alert.Version });
        var (wrongState, stateProblem) = await PostAsync(second, $"api/alerts/{alert.Id}/acknowledge", new { version = 2 });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (ok, conflict, wrongState));
        Assert.Equal((2, "acknowledged"), (problem.GetProperty("alert").GetProperty("alert").GetProperty("version").GetInt32(),
            problem.GetProperty("alert").GetProperty("alert").GetProperty("status").GetString()));
        Assert.Equal("Not in this state", stateProblem.GetProperty("title").GetString());
        Assert.Equal(["alert.acknowledged"], await AuditActionsAsync(alert.Id)); // refused commands are not recorded
    }

    [Fact]
    public async Task ResolveAndComment_OutcomeNoteAndText_KeptAndRelativesAlreadyCalledAreTold()
    {
        var (alert, bureau) = await OpenAlertAsync("Clara Resolve");
        await QueueCalledRelativeAsync(alert, bureau);
        using var staff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, bureau);

        var (commented, afterComment) = await PostAsync(staff, $"api/alerts/{alert.Id}/comments",
            new { version = alert.Version, text = "Neighbour has a key." });
        var (invalid, _) = await PostAsync(staff, $"api/alerts/{alert.Id}/resolve",
            new { version = 2, outcome = "auto-resolved" });
        var (resolved, body) = await PostAsync(staff, $"api/alerts/{alert.Id}/resolve",
            new { version = 2, outcome = "false-alarm", note = "Watch was on the table." });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK), (commented, invalid, resolved));
        Assert.Equal("Neighbour has a key.", Events(afterComment)[^1].GetProperty("detail").GetProperty("text").GetString());
        Assert.Equal(("resolved", "false-alarm", "Watch was on the table.", "Test staff"),
            (body.GetProperty("alert").GetProperty("status").GetString(), body.GetProperty("outcome").GetString(),
             body.GetProperty("resolutionNote").GetString(), body.GetProperty("resolvedBy").GetString()));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM notification_outbox WHERE alert_id = @a AND kind = 'alert-resolved' AND recipient = 'contact:c1'",
            ("a", alert.Id)));
        Assert.Equal(["alert.commented", "alert.resolved"], await AuditActionsAsync(alert.Id));
        Assert.DoesNotContain("Neighbour", await Db.ScalarAsync<string>(
            "SELECT string_agg(details::text, ' ') FROM audit_log WHERE subject = @s", ("s", alert.Id.ToString())));
    }

    [Fact]
    public async Task Resolve_InactivityAlertTheMonitorHolds_MonitorNoLongerHoldsItWhenTheAnswerComes()
    {
        var senior = await Arrange.SeniorAsync(Server, "Ilse Monitor");
        var at = TimeProvider.System.GetUtcNow().UtcDateTime;
        var transitions = Server.Services.GetRequiredService<AlertTransitions>();
        await transitions.RaiseAsync(new NewAlert(senior.Id, AlertKinds.Inactivity, AlertSeverity.High, AlertStates.Open,
            at.AddHours(-3), at.AddHours(-3), "Still …", NextStepAt: at.AddHours(1)), MonitorChanges.Monitor, at);
        var monitor = Server.Services.GetRequiredService<IGrainFactory>().GetGrain<ISeniorMonitorGrain>(senior.Id);
        Assert.True((await monitor.GetSnapshotAsync()).InactivityAlertOpen); // activated: it holds the open alert
        var alert = (await transitions.FindActiveAsync(senior.Id, AlertKinds.Inactivity))!;
        using var staff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, senior.BureauId);

        var (status, _) = await PostAsync(staff, $"api/alerts/{alert.Id}/resolve",
            new { version = alert.Version, outcome = "senior-ok" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((await monitor.GetSnapshotAsync()).InactivityAlertOpen); // told before the command answered
    }

    [Fact]
    public async Task Assign_ColleagueOrUserOfAnotherBureau_AssignedOrRefused()
    {
        var (alert, bureau) = await OpenAlertAsync("Doris Assign");
        var colleague = await People.CreateAsync(Server, CareWatchRoles.Staff, bureau);
        var stranger = await People.CreateAsync(Server, CareWatchRoles.Staff,
            (await Arrange.SeniorInNewBureauAsync(Server, "Elsewhere")).BureauId);
        using var supervisor = await People.SignInNewAsync(Server, CareWatchRoles.Supervisor, bureau);

        var (refused, problem) = await PostAsync(supervisor, $"api/alerts/{alert.Id}/assign",
            new { version = alert.Version, assignee = stranger.Id });
        var (assigned, body) = await PostAsync(supervisor, $"api/alerts/{alert.Id}/assign",
            new { version = alert.Version, assignee = colleague.Id });
        var (unassigned, after) = await PostAsync(supervisor, $"api/alerts/{alert.Id}/assign", new { version = 2 });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK), (refused, assigned, unassigned));
        Assert.True(problem.GetProperty("errors").TryGetProperty("assignee", out _));
        Assert.Equal((colleague.Id, "Test staff"), (body.GetProperty("assignedTo").GetGuid(),
            body.GetProperty("assignedToName").GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("assignedTo").ValueKind);
    }

    [Fact]
    public async Task Commands_AlertOfAnotherBureauOrMissingVersion_404Or400AndNothingChanges()
    {
        var (alert, _) = await OpenAlertAsync("Erna Foreign");
        var otherBureau = (await Arrange.SeniorInNewBureauAsync(Server, "Other")).BureauId;
        using var foreign = await People.SignInNewAsync(Server, CareWatchRoles.Supervisor, otherBureau);
        using var own = await People.SignInNewAsync(Server, CareWatchRoles.Staff, await Server.TestBureauAsync());

        var answers = new[]
        {
            (await PostAsync(foreign, $"api/alerts/{alert.Id}/acknowledge", new { version = 1 })).Status,
            (await PostAsync(foreign, $"api/alerts/{alert.Id}/comments", new { version = 1, text = "x" })).Status,
            (await foreign.Http.GetAsync($"api/alerts/{alert.Id}")).StatusCode,
            (await PostAsync(own, $"api/alerts/{alert.Id}/acknowledge", new { })).Status,
            (await PostAsync(own, $"api/alerts/{alert.Id + 1000}/acknowledge", new { version = 1 })).Status,
        };

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest,
            HttpStatusCode.NotFound], answers);
        Assert.Equal(1, (await Server.Services.GetRequiredService<AlertTransitions>().FindAsync(alert.Id))!.Version);
        Assert.Empty(await AuditActionsAsync(alert.Id));
    }

    [Fact]
    public async Task Get_RelativeOfTheSenior_SeesTheTrailWithoutStaffNotes()
    {
        var (alert, bureau) = await OpenAlertAsync("Frieda Family");
        using var staff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, bureau);
        await PostAsync(staff, $"api/alerts/{alert.Id}/comments", new { version = 1, text = "Daughter is difficult." });
        using var relative = await People.SignInNewAsync(Server, CareWatchRoles.Relative, seniorId: alert.SeniorId);
        var other = await Arrange.SeniorAsync(Server, "Not Hers");
        using var otherRelative = await People.SignInNewAsync(Server, CareWatchRoles.Relative, seniorId: other.Id);

        var body = await relative.Http.GetFromJsonAsync<JsonElement>($"api/alerts/{alert.Id}");
        using var refused = await otherRelative.Http.GetAsync($"api/alerts/{alert.Id}");

        Assert.Equal(["raised", "commented"], Events(body).Select(e => e.GetProperty("event").GetString()));
        Assert.DoesNotContain("Daughter", body.ToString());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    // Open at once with its chain and severity rise set in the future, so no sweep changes it under the test.
    private async Task<(AlertRecord Alert, Guid BureauId)> OpenAlertAsync(string name)
    {
        var senior = await Arrange.SeniorAsync(Server, name);
        var at = TimeProvider.System.GetUtcNow().UtcDateTime;
        var raised = await Server.Services.GetRequiredService<AlertTransitions>().RaiseAsync(new NewAlert(senior.Id,
            AlertKinds.Sos, AlertSeverity.Critical, AlertStates.Open, null, at, "SOS pressed.", NextStepAt: at.AddHours(1),
            SeverityRisesAt: at.AddHours(1)), MonitorChanges.Monitor, at);
        return (raised.Alert, senior.BureauId);
    }

    // As an escalation step that called a relative by e-mail leaves it in the outbox.
    private async Task QueueCalledRelativeAsync(AlertRecord alert, Guid bureau)
    {
        await using var cmd = Db.DataSource.CreateCommand("""
            INSERT INTO notification_outbox (alert_id, senior_id, bureau_id, channel, recipient, kind, urgent,
                                             idempotency_key, not_before, created_at, status)
            VALUES (@a, @s, @b, 'email', 'contact:c1', 'alert-open', true, 'test:called', now(), now(), 'dead')
            """);
        cmd.Parameters.AddWithValue("a", alert.Id);
        cmd.Parameters.AddWithValue("s", alert.SeniorId);
        cmd.Parameters.AddWithValue("b", bureau);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(SignedInClient client, string url,
        object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, client.AntiforgeryToken);
        using var response = await client.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static List<JsonElement> Events(JsonElement body) => body.GetProperty("events").EnumerateArray().ToList();

    private async Task<List<string>> AuditActionsAsync(long alertId)
    {
        await using var cmd = Db.DataSource.CreateCommand("SELECT action FROM audit_log WHERE subject = @s ORDER BY id");
        cmd.Parameters.AddWithValue("s", alertId.ToString());
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }
}
