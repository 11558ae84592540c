using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Accounts;

namespace CareWatch.Server.Tests.Support;

/// <summary>A staff member's alert commands through the staff API, as the board sends them.</summary>
public static class AlertCommands
{
    /// <summary>
    /// Reads the alert's current version, then posts <paramref name="command"/> at that version with the antiforgery
    /// header; asserts 200 and returns the new detail view. <paramref name="body"/> builds the body from the version.
    /// </summary>
    public static async Task<JsonElement> SendAsync(SignedInClient staff, long alertId, string command,
        Func<int, object> body)
    {
        var detail = await staff.Http.GetFromJsonAsync<JsonElement>($"api/alerts/{alertId}");
        var version = detail.GetProperty("alert").GetProperty("version").GetInt32();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/alerts/{alertId}/{command}")
        {
            Content = JsonContent.Create(body(version)),
        };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, staff.AntiforgeryToken);
        using var response = await staff.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Acknowledges the alert at its current version; returns the new detail view.</summary>
    public static Task<JsonElement> AcknowledgeAsync(SignedInClient staff, long alertId) =>
        SendAsync(staff, alertId, "acknowledge", version => new { version });
}
