using System.Net;
using System.Net.Http.Json;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using Npgsql;

namespace CareWatch.Server.Tests.Accounts;

/// <summary>Identity's sign-in through the real sign-in page, with the account rows checked in PostgreSQL.</summary>
public sealed class SignInTests : ServerTest
{
    [Fact]
    public async Task Login_RightPassword_SetsSecureHttpOnlyStrictCookieAndOpensBoard()
    {
        var senior = await Arrange.SeniorAsync(Server, "Sign-in Senior");
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);

        using var client = await Support.Accounts.SignInAsync(Server, staff);

        var cookie = client.Cookies.SetCookieHeaders.Single(h => h.StartsWith("CareWatch.SignIn=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(client.AntiforgeryToken);
        using var alerts = await client.Http.GetAsync("api/alerts");
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
    }

    [Fact]
    public async Task Board_Anonymous_RedirectsToSignIn()
    {
        using var http = Support.Accounts.Browser(Server).Http;

        using var board = await http.GetAsync("");

        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        Assert.StartsWith("/Account/Login", board.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_OverPlainHttp_RedirectsToHttps()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

        using var page = await http.GetAsync("Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal($"https://127.0.0.1:{Server.HttpsPort}/Account/Login", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var senior = await Arrange.SeniorAsync(Server, "Lockout Senior");
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        using var http = Support.Accounts.Browser(Server).Http;

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Support.Accounts.PostLoginAsync(http, staff.UserName, "not the password at all");
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }
        using var right = await Support.Accounts.PostLoginAsync(http, staff.UserName, staff.Password);

        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await using var cmd = new NpgsqlConnection(Db.ConnectionString).CreateCommand();
        await cmd.Connection!.OpenAsync();
        cmd.CommandText = "SELECT lockout_end > now(), password_hash <> @password FROM users WHERE id = @id";
        cmd.Parameters.AddWithValue("id", staff.Id);
        cmd.Parameters.AddWithValue("password", staff.Password);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.True(r.GetBoolean(0), "lockout_end is in the future");
        Assert.True(r.GetBoolean(1), "the password is stored hashed");
    }

    [Fact]
    public async Task Login_WithoutFormToken_IsRefused()
    {
        var senior = await Arrange.SeniorAsync(Server, "Forgery Senior");
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        using var http = Support.Accounts.Browser(Server).Http;

        using var login = await http.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = staff.UserName, ["Password"] = staff.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.DoesNotContain(login.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], h => h.StartsWith("CareWatch.SignIn=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiPost_WithSignInCookieButNoAntiforgeryHeader_IsRefusedAndChangesNothing()
    {
        var senior = await Arrange.SeniorAsync(Server, "Cookie Senior");
        using var supervisor = await Support.Accounts.SignInNewAsync(Server, CareWatchRoles.Supervisor, senior.BureauId);

        using var forged = await supervisor.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "forged-watch" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/devices")
        {
            Content = JsonContent.Create(new { seniorId = senior.Id, deviceId = "page-watch" }),
        };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, supervisor.AntiforgeryToken);
        using var fromPage = await supervisor.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, fromPage.StatusCode);
        await using var cmd = new NpgsqlConnection(Db.ConnectionString).CreateCommand();
        await cmd.Connection!.OpenAsync();
        cmd.CommandText = "SELECT array_agg(device_id ORDER BY device_id) FROM devices";
        Assert.Equal(["page-watch"], (string[])(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var senior = await Arrange.SeniorAsync(Server, "Logout Senior");
        using var staff = await Support.Accounts.SignInNewAsync(Server, CareWatchRoles.Staff, senior.BureauId);

        using var logout = await staff.Http.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = staff.AntiforgeryToken,
        }));
        using var board = await staff.Http.GetAsync("");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
    }
}
