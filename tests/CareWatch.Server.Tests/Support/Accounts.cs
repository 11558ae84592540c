using System.Text.RegularExpressions;
using CareWatch.Server.Accounts;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Support;

/// <summary>A person's account made for a test, with the password only the test knows.</summary>
public sealed record TestAccount(Guid Id, string UserName, string Password, string Role);

/// <summary>A client signed in through the real sign-in page, with its cookies and the page's anti-forgery token.</summary>
public sealed record SignedInClient(HttpClient Http, CookieJar Cookies, string AntiforgeryToken) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}

/// <summary>Accounts and sign-ins against the real server.</summary>
public static partial class Accounts
{
    /// <summary>Creates an account through Identity's UserManager in the server (as create-admin does).</summary>
    public static async Task<TestAccount> CreateAsync(ServerHost server, string role, Guid? bureauId = null, Guid? seniorId = null)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount
        {
            Id = Guid.NewGuid(), UserName = $"{role}-{Guid.NewGuid():N}"[..20], DisplayName = $"Test {role}", Role = role,
            BureauId = bureauId, SeniorId = seniorId, CreatedAt = DateTime.UtcNow,
        };
        var password = "correct horse " + Guid.NewGuid().ToString("N")[..8];
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return new TestAccount(account.Id, account.UserName, password, role);
    }

    /// <summary>Fetches the sign-in page and returns its form's anti-forgery token (the jar keeps its cookie).</summary>
    public static async Task<string> LoginFormTokenAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("Account/Login");
        return FormToken().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No token on the page.");
    }

    /// <summary>Posts the sign-in form; returns the answer (302 on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string userName, string password)
    {
        var token = await LoginFormTokenAsync(http);
        return await http.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Signs in through the sign-in page and loads the board, returning the board's anti-forgery token.</summary>
    public static async Task<SignedInClient> SignInAsync(ServerHost server, TestAccount account)
    {
        var (http, jar) = Browser(server);
        using var login = await PostLoginAsync(http, account.UserName, account.Password);
        if (login.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in answered {(int)login.StatusCode}.");
        // The board for those who may see it; an admin is sent to the access-denied page, whose sign-out form
        // carries a token for this session too.
        using var board = await http.GetAsync("");
        var page = board.StatusCode == System.Net.HttpStatusCode.Redirect
            ? await http.GetStringAsync(board.Headers.Location!)
            : await board.Content.ReadAsStringAsync();
        var token = MetaToken().Match(page) is { Success: true } m ? m.Groups[1].Value
            : FormToken().Match(page) is { Success: true } f ? f.Groups[1].Value : "";
        return new SignedInClient(http, jar, token);
    }

    /// <summary>A client on the HTTPS listener with its own cookies, as a browser has (not signed in).</summary>
    public static (HttpClient Http, CookieJar Cookies) Browser(ServerHost server)
    {
        var jar = new CookieJar(server.CreateHttpsHandler());
        return (new HttpClient(jar) { BaseAddress = server.HttpsAddress }, jar);
    }

    /// <summary>Signs in a new account of <paramref name="role"/>.</summary>
    public static async Task<SignedInClient> SignInNewAsync(ServerHost server, string role, Guid? bureauId = null, Guid? seniorId = null) =>
        await SignInAsync(server, await CreateAsync(server, role, bureauId, seniorId));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
