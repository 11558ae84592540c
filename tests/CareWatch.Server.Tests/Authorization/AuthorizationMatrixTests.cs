using System.Net;
using System.Reflection;
using System.Text;
using CareWatch.Server.Accounts;
using CareWatch.Server.Hubs;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Authorization;

/// <summary>
/// Every endpoint the server maps (read from its own endpoint data source) called by everyone who could call it:
/// anonymous, each role of bureau A (signed in through the real sign-in page, or with A's API key), staff and the
/// integration of bureau B, a relative of a senior of B, and a relative of one senior of A (who must not see the
/// other). Each answer is held to the rule in <see cref="AccessRules"/>: 401 or 403 (a redirect for pages) when
/// refused, never a server error, and never a body naming what the caller may not see.
/// </summary>
public sealed class AuthorizationMatrixTests : ServerTest
{
    private sealed record Caller(string Name, string? Role, bool Foreign, HttpClient Http, string? Token, string[] MustNotSee);

    [Fact]
    public void Endpoints_EveryMappedEndpoint_HasARule()
    {
        var missing = Endpoints().Where(e => !AccessRules.Expected.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var stale = AccessRules.Expected.Keys.Except(Endpoints().Select(e => e.Key)).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a rule in AccessRules: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void HubMethods_EveryClientCallableMethod_HasARule()
    {
        var callable = typeof(AlertsHub).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType == typeof(AlertsHub) && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToList();

        Assert.Empty(callable.Except(AccessRules.HubMethods.Keys));
    }

    [Fact]
    public async Task Endpoints_CalledByEveryone_AnswerAsTheirRuleSays()
    {
        var directory = Server.Services.GetRequiredService<SeniorDirectory>();
        var bureauA = await Server.TestBureauAsync();
        var seniorA = await Arrange.SeniorAsync(Server, "Matrix Senior Alpha");
        var otherOfA = await Arrange.SeniorAsync(Server, "Matrix Senior Gamma");
        var seniorB = await Arrange.SeniorInNewBureauAsync(Server, "Matrix Senior Beta");
        var deviceA = await Arrange.WatchAsync(Server, seniorA.Id);
        // Erasure really erases: it gets a senior of its own, so the other calls still find Alpha.
        var erased = await Arrange.SeniorAsync(Server, "Matrix Senior Erased");
        await Arrange.WatchAsync(Server, seniorB.Id);
        var spareKey = await Server.Services.GetRequiredService<ApiKeyStore>().CreateAsync(TenantScope.Bureau(bureauA), "spare");
        string[] ofA = [seniorA.Id.ToString(), seniorA.DisplayName, deviceA.DeviceId, otherOfA.Id.ToString(), otherOfA.DisplayName];
        string[] ofGamma = [otherOfA.Id.ToString(), otherOfA.DisplayName];

        var callers = new List<Caller>
        {
            new("anonymous", null, false, Support.Accounts.Browser(Server).Http, null, ofA),
            await PersonAsync("admin", CareWatchRoles.Admin, null, null, false, ofA),
            await PersonAsync("supervisor of A", CareWatchRoles.Supervisor, bureauA, null, false, []),
            await PersonAsync("staff of A", CareWatchRoles.Staff, bureauA, null, false, []),
            await PersonAsync("relative of Alpha", CareWatchRoles.Relative, null, seniorA.Id, false, ofGamma),
            new("integration of A", CareWatchRoles.Integration, false, await Server.ClientForBureauAsync(bureauA), null, []),
            await PersonAsync("staff of B", CareWatchRoles.Staff, seniorB.BureauId, null, true, ofA),
            await PersonAsync("relative of Beta", CareWatchRoles.Relative, null, seniorB.Id, true, ofA),
            new("integration of B", CareWatchRoles.Integration, true, await Server.ClientForBureauAsync(seniorB.BureauId), null, ofA),
        };

        var failures = new List<string>();
        // Deletions last, so every other call finds bureau A's watch; within an endpoint, refused callers first.
        foreach (var (key, method, pattern) in Endpoints().OrderBy(e => e.Method == "DELETE").ThenBy(e => e.Key))
        {
            var rule = AccessRules.Expected[key];
            foreach (var caller in callers.OrderBy(c => rule.Admits(c.Role) && !c.Foreign))
            {
                var url = pattern.Replace("{deviceId}", Uri.EscapeDataString(deviceA.DeviceId)).Replace("{key}", "secondary")
                    .Replace("{method}", "ping").Replace("{id:guid}", spareKey.Record.Id.ToString()).Replace("{documentName}", "v1")
                    .Replace("{seniorId:guid}", (key.Contains("erase") || key.StartsWith("DELETE", StringComparison.Ordinal) ? erased : seniorA).Id.ToString())
                    .Replace("{consentId:long}", "1")
                    .Replace("{id:long}", "1").Replace("{shiftId:long}", "1").Replace("{position:int}", "1")
                    .Replace("{contactId:guid}", Guid.Empty.ToString()).Replace("{webhookId:guid}", Guid.Empty.ToString())
                    .Replace("{token}", "not-a-token");
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(key, seniorA.Id) };
                if (caller.Token is not null) request.Headers.Add(CookieApiAntiforgery.HeaderName, caller.Token);
                using var response = await caller.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var problem = Judge(rule, caller, pattern, Uri.UnescapeDataString(url), response, body);
                if (problem is not null) failures.Add($"{key} as {caller.Name}: {problem} ({(int)response.StatusCode})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Judge(AccessRule rule, Caller caller, string pattern, string url, HttpResponseMessage response,
        string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return "server error";
        // What the caller put in the URL is theirs already: a 404 may name the id that was asked for.
        if (caller.MustNotSee.Where(m => !url.Contains(m)).FirstOrDefault(body.Contains) is { } leaked) return $"answer names '{leaked}'";
        var location = response.Headers.Location?.ToString() ?? "";
        if (!rule.Admits(caller.Role))
        {
            // An integration calls over plain HTTP with its key, where pages are not served at all: it is sent to HTTPS.
            if (rule.IsPage && caller.Role == CareWatchRoles.Integration && status is 307 or 403) return null;
            if (rule.IsPage)
                return status == 302 && location.Contains(caller.Role is null ? "/Account/Login" : "/Account/AccessDenied")
                    ? null : "expected a redirect to " + (caller.Role is null ? "sign-in" : "access denied")
                        + $" ({status} {location})";
            return status == (caller.Role is null ? 401 : 403) ? null : $"expected {(caller.Role is null ? 401 : 403)}";
        }
        if (status is 401 or 403) return "refused although the rule admits the role";
        // Admitted, but of another bureau: anything addressed to bureau A's watch is not found.
        if (caller.Foreign && (pattern.Contains("{deviceId}") || pattern.Contains("{seniorId")) && status != 404)
            return "expected 404 for another bureau's watch or senior";
        return null;
    }

    private static HttpContent? Body(string key, Guid seniorA) => key switch
    {
        "POST api/devices" => Json($$"""{"seniorId":"{{seniorA}}","deviceId":"matrix-{{Guid.NewGuid():N}}"}"""),
        "PUT api/devices/{deviceId}/senior" => Json($$"""{"seniorId":"{{seniorA}}"}"""),
        "POST api/devices/{deviceId}/messages" => Json("""{"body":{"hello":1}}"""),
        "PATCH api/devices/{deviceId}/twin/desired" => Json("""{"reportEveryMinutes":5}"""),
        "POST api/devices/{deviceId}/methods/{method}" => Json("{}"),
        "POST api/api-keys" => Json("""{"name":"matrix"}"""),
        "POST api/seniors/{seniorId:guid}/consents" => Json("""{"givenBy":"senior","purposes":["monitoring"]}"""),
        "POST Account/Login" => new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" }),
        _ when key.StartsWith("POST", StringComparison.Ordinal) || key.StartsWith("PUT", StringComparison.Ordinal) => Json("{}"),
        _ => null,
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<Caller> PersonAsync(string name, string role, Guid? bureau, Guid? senior, bool foreign, string[] mustNotSee)
    {
        var signedIn = await Support.Accounts.SignInNewAsync(Server, role, bureau, senior);
        return new Caller(name, role, foreign, signedIn.Http, signedIn.AntiforgeryToken, mustNotSee);
    }

    private IEnumerable<(string Key, string Method, string Pattern)> Endpoints() =>
        Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Route: (e.RoutePattern.RawText ?? "").Trim('/'))))
            .Distinct()
            .Select(e => ($"{e.Method} {e.Route}", e.Method, "/" + e.Route));
}
