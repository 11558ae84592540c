using System.Net;
using System.Text.RegularExpressions;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Bureaus;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Administration;

/// <summary>
/// The administration pages' forms posted over HTTP with a real sign-in: staff may read but every change is refused,
/// another bureau's senior is not found, and a generated password is answered once and never cached.
/// </summary>
public sealed partial class AdminPagesTests : ServerTest
{
    [Fact]
    public async Task Post_StaffMember_RefusedAndNothingChanges()
    {
        var bureau = await Server.TestBureauAsync();
        using var staff = await Support.Accounts.SignInNewAsync(Server, CareWatchRoles.Staff, bureau);

        using var checkIn = await PostAsync(staff, "Admin/CheckIn", ("WindowSeconds", "300"), ("LowBatteryPercent", "20"));
        using var senior = await PostAsync(staff, "Admin/Seniors", ("DisplayName", "Sneaky"), ("TimeZone", "Europe/Berlin"),
            ("Language", "en"));
        using var shift = await PostAsync(staff, "Admin/Rota?handler=Add", ("UserId", Guid.NewGuid().ToString()));

        Assert.All(new[] { checkIn, senior, shift }, r => Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString()));
        var settings = await Server.Services.GetRequiredService<CheckInSettingsStore>().FindAsync(TenantScope.Bureau(bureau));
        Assert.Equal(CheckInSettings.Default.WindowSeconds, settings!.WindowSeconds);
        Assert.DoesNotContain(await Server.Services.GetRequiredService<SeniorDirectory>().ListSeniorsAsync(TenantScope.Bureau(bureau)),
            s => s.DisplayName == "Sneaky");
    }

    [Fact]
    public async Task Post_SupervisorOfAnotherBureau_SeniorNotFoundAndUnchanged()
    {
        var theirs = await Arrange.SeniorInNewBureauAsync(Server, "Fremde Seniorin");
        using var supervisor = await Support.Accounts.SignInNewAsync(Server, CareWatchRoles.Supervisor, await Server.TestBureauAsync());

        using var profile = await PostAsync(supervisor, $"Admin/Senior/{theirs.Id}?handler=Profile",
            ("DisplayName", "Taken"), ("TimeZone", "Europe/Berlin"), ("Language", "en"));
        using var page = await supervisor.Http.GetAsync($"Admin/Senior/{theirs.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (profile.StatusCode, page.StatusCode));
        var stored = await Server.Services.GetRequiredService<SeniorDirectory>().FindSeniorForSystemAsync(theirs.Id);
        Assert.Equal("Fremde Seniorin", stored!.DisplayName);
    }

    [Fact]
    public async Task CreateStaff_NoPassword_AnsweredOnceNotCachedAndSignsIn()
    {
        using var supervisor = await Support.Accounts.SignInNewAsync(Server, CareWatchRoles.Supervisor, await Server.TestBureauAsync());

        using var created = await PostAsync(supervisor, "Admin/Staff?handler=Create", ("UserName", "evening.nurse"),
            ("DisplayName", "Evening Nurse"), ("Role", "staff"), ("Password", ""));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var password = GeneratedPassword().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        using var login = await Support.Accounts.PostLoginAsync(Support.Accounts.Browser(Server).Http, "evening.nurse", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain(password, await supervisor.Http.GetStringAsync("Admin/Staff"));
    }

    private static Task<HttpResponseMessage> PostAsync(SignedInClient client, string path, params (string, string)[] fields) =>
        client.Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))
            .Append(KeyValuePair.Create("__RequestVerificationToken", client.AntiforgeryToken))));

    [GeneratedRegex("<code id=\"generated-password\">([^<]+)</code>")]
    private static partial Regex GeneratedPassword();
}
