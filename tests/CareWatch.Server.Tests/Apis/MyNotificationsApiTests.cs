using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>/api/me/notifications: a staff member sets their own channels and quiet hours, and only their own.</summary>
public sealed class MyNotificationsApiTests : ServerTest
{
    [Fact]
    public async Task GetPut_Staff_DefaultsThenOwnChoice_StoredForThemOnly_Audited()
    {
        var senior = await Arrange.SeniorAsync(Server, "Preferences Senior");
        var ana = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        var ben = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        using var anaClient = await Support.Accounts.SignInAsync(Server, ana);
        using var benClient = await Support.Accounts.SignInAsync(Server, ben);

        var defaults = await anaClient.Http.GetFromJsonAsync<JsonElement>("api/me/notifications");
        using var put = await SendAsync(anaClient, HttpMethod.Put, new { channels = new[] { "signalr" }, quietFrom = "22:00:00", quietUntil = "07:00:00" });
        var after = await anaClient.Http.GetFromJsonAsync<JsonElement>("api/me/notifications");
        var bens = await benClient.Http.GetFromJsonAsync<JsonElement>("api/me/notifications");

        Assert.Equal(["signalr", "email"], defaults.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["signalr"], after.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("22:00:00", after.GetProperty("quietFrom").GetString());
        Assert.Equal(["signalr", "email"], bens.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("{signalr}|22:00:00", await Db.ScalarAsync<string>(
            "SELECT notify_channels::text || '|' || quiet_from::text FROM users WHERE id = @id", ("id", ana.Id)));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'account.notifications-changed' AND actor_id = @id", ("id", ana.Id.ToString())));
    }

    [Fact]
    public async Task Put_UnknownChannelOrHalfQuietHours_400NamingTheField_NothingStored()
    {
        var senior = await Arrange.SeniorAsync(Server, "Invalid Preferences");
        using var client = await Support.Accounts.SignInNewAsync(Server, CareWatchRoles.Supervisor, senior.BureauId);

        using var unknown = await SendAsync(client, HttpMethod.Put, new { channels = new[] { "pager" } });
        using var half = await SendAsync(client, HttpMethod.Put, new { channels = new[] { "email" }, quietFrom = "22:00:00" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channels", out _));
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.True((await half.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quietUntil", out _));
        var now = await client.Http.GetFromJsonAsync<JsonElement>("api/me/notifications");
        Assert.Equal(["signalr", "email"], now.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
    }

    private static async Task<HttpResponseMessage> SendAsync(SignedInClient client, HttpMethod method, object body)
    {
        using var request = new HttpRequestMessage(method, "api/me/notifications") { Content = JsonContent.Create(body) };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, client.AntiforgeryToken);
        return await client.Http.SendAsync(request);
    }
}
