using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Apis;

/// <summary>GET /api/seniors/{id}/alerts: the history, newest first and paged, as staff and relatives read it.</summary>
public sealed class SeniorAlertHistoryApiTests : ServerTest
{
    [Fact]
    public async Task History_ResolvedWithNoteAndComment_NewestFirstPagedWithNamesOutcomeAndComments()
    {
        var senior = await Arrange.SeniorAsync(Server, "Hanna History");
        using var staff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        var sos = await RaiseAsync(senior.Id, AlertKinds.Sos);
        await PostAsync(staff, $"api/alerts/{sos.Id}/comments", new { version = 1, text = "Neighbour has a key." });
        await PostAsync(staff, $"api/alerts/{sos.Id}/resolve",
            new { version = 2, outcome = "assisted-at-home", note = "Helped her up, no injury." });
        var fall = await RaiseAsync(senior.Id, AlertKinds.Fall);
        var inactivity = await RaiseAsync(senior.Id, AlertKinds.Inactivity);

        var first = await staff.Http.GetFromJsonAsync<JsonElement>($"api/seniors/{senior.Id}/alerts?limit=2");
        var next = first.GetProperty("nextBefore").GetInt64();
        var second = await staff.Http.GetFromJsonAsync<JsonElement>(
            $"api/seniors/{senior.Id}/alerts?limit=2&before={next}");

        Assert.Equal([inactivity.Id, fall.Id], Ids(first));
        Assert.Equal([sos.Id], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);
        var resolved = second.GetProperty("items")[0];
        Assert.Equal(("resolved", "assisted-at-home", "Helped her up, no injury.", "Test staff", "Test staff"),
            (resolved.GetProperty("status").GetString(), resolved.GetProperty("outcome").GetString(),
             resolved.GetProperty("note").GetString(), resolved.GetProperty("acknowledgedBy").GetString(),
             resolved.GetProperty("resolvedBy").GetString()));
        var comment = resolved.GetProperty("comments")[0];
        Assert.Equal(("Neighbour has a key.", "Test staff"),
            (comment.GetProperty("text").GetString(), comment.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task History_ReadByTheirRelative_ShowsOutcomesWithoutWhatStaffWrote()
    {
        var senior = await Arrange.SeniorAsync(Server, "Ida Relative");
        using var staff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        var sos = await RaiseAsync(senior.Id, AlertKinds.Sos);
        await PostAsync(staff, $"api/alerts/{sos.Id}/comments", new { version = 1, text = "Door code 4711." });
        await PostAsync(staff, $"api/alerts/{sos.Id}/resolve",
            new { version = 2, outcome = "senior-ok", note = "Fine." });

        using var response = await Server.ClientAs("relative", seniorId: senior.Id)
            .GetAsync($"api/seniors/{senior.Id}/alerts");
        var text = await response.Content.ReadAsStringAsync();
        var item = JsonSerializer.Deserialize<JsonElement>(text).GetProperty("items")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("senior-ok", JsonValueKind.Null, 0), (item.GetProperty("outcome").GetString(),
            item.GetProperty("note").ValueKind, item.GetProperty("comments").GetArrayLength()));
        Assert.DoesNotContain("4711", text);
    }

    private static List<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private async Task<CareWatch.Storage.AlertRecord> RaiseAsync(Guid seniorId, string kind)
    {
        var at = TimeProvider.System.GetUtcNow().UtcDateTime;
        var transitions = Server.Services.GetRequiredService<AlertTransitions>();
        var raised = await transitions.RaiseAsync(new NewAlert(seniorId, kind, AlertSeverity.Critical, AlertStates.Open,
            null, at, $"{kind} arranged."), MonitorChanges.Monitor, at);
        return raised.Alert;
    }

    private static async Task PostAsync(SignedInClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, client.AntiforgeryToken);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
