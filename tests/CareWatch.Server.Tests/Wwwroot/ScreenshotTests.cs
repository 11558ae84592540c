using CareWatch.Monitoring;
using CareWatch.Protocol;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// The main screens in English, German and Chinese, each rendered with data and saved as a PNG: into
/// CAREWATCH_SCREENSHOTS when set (ops/screenshots.sh writes docs/screens/ that way), else into a temporary folder.
/// </summary>
public sealed class ScreenshotTests : ServerTest
{
    private static readonly (string Culture, string Button)[] Languages = [("en", "English"), ("de", "Deutsch"), ("zh-Hans", "中文")];

    [Fact]
    public async Task MainScreens_EveryLanguage_RenderWithDataAndAreSaved()
    {
        var folder = Environment.GetEnvironmentVariable("CAREWATCH_SCREENSHOTS") is { Length: > 0 } chosen ? chosen
            : Directory.CreateTempSubdirectory("carewatch-screens-").FullName;
        Directory.CreateDirectory(folder);
        var (mother, still) = await ArrangeSceneAsync();
        var bureau = await Server.TestBureauAsync();
        var supervisor = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Supervisor, bureau);
        var son = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Relative, seniorId: mother);
        await LinkSonAsync(mother, son.Id);

        var saved = new List<string>();
        foreach (var (culture, button) in Languages)
        {
            await using var browser = await Board.LaunchAsync();
            var page = browser.Page;
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync(Server.HttpsAddress + "Account/Login");
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            saved.Add(await ShotAsync(page, folder, "sign-in", culture));
            await SignInHereAsync(page, supervisor);
            await Assertions.Expect(page.Locator("#alerts > li")).ToHaveCountAsync(2);
            saved.Add(await ShotAsync(page, folder, "alerts", culture));
            await page.GotoAsync(Server.HttpsAddress + $"Seniors/{still}");
            await Assertions.Expect(page.Locator("h2").First).ToContainTextAsync("Li Guilan");
            saved.Add(await ShotAsync(page, folder, "senior", culture));
            await page.GotoAsync(Server.HttpsAddress + "Seniors");
            await Assertions.Expect(page.Locator("#tiles > li", new() { HasText = "Li Guilan" })).ToBeVisibleAsync();
            saved.Add(await ShotAsync(page, folder, "seniors", culture));
            await page.GotoAsync(Server.HttpsAddress + "Admin");
            await Assertions.Expect(page.Locator(".admin-links li")).ToHaveCountAsync(5);
            saved.Add(await ShotAsync(page, folder, "admin", culture));

            await using var family = await Board.LaunchAsync();
            await family.Page.SetViewportSizeAsync(1024, 800);
            await family.Page.GotoAsync(Server.HttpsAddress + "Account/Login");
            await family.Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await SignInHereAsync(family.Page, son);
            await family.Page.GotoAsync(Server.HttpsAddress + "Family");
            await Assertions.Expect(family.Page.Locator(".family-alerts li")).ToHaveCountAsync(1);
            saved.Add(await ShotAsync(family.Page, folder, "family", culture));
        }
        Assert.All(saved, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is (nearly) empty"));
    }

    private static async Task SignInHereAsync(IPage page, TestAccount account)
    {
        await page.Locator("#user-name").FillAsync(account.UserName);
        await page.Locator("#password").FillAsync(account.Password);
        await page.Locator("form:not(.languages) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".who-am-i")).ToBeVisibleAsync();
    }

    private static async Task<string> ShotAsync(IPage page, string folder, string screen, string culture)
    {
        // Live durations and the connection badge settle first; the shot is of what a person would see.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var path = Path.Combine(folder, $"{screen}-{culture}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    // Wang Shufen pressed SOS on her watch; Li Guilan has been still since the small hours; a day of minutes each.
    private async Task<(Guid Mother, Guid Still)> ArrangeSceneAsync()
    {
        var mother = await Arrange.SeniorAsync(Server, "Wang Shufen", "Asia/Shanghai");
        var still = await Arrange.SeniorAsync(Server, "Li Guilan", "Asia/Shanghai");
        await Arrange.SeniorAsync(Server, "Chen Yuying", "Asia/Shanghai");
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-10);
        await ArrangeMinutes.AddAsync(Server, still.Id, start, 360, 40);
        await ArrangeMinutes.AddAsync(Server, still.Id, start.AddMinutes(360), 200, 0);
        var stillSince = start.AddMinutes(360);
        var facts = new AlertFacts(CareWatch.Detection.AlertTrigger.Model, 150, 95, 3).ToJson();
        await ArrangeAlerts.RaiseAsync(Server, still.Id, AlertKinds.Inactivity, stillSince, stillSince.AddMinutes(150),
            "No movement.", factsJson: facts);
        var watch = await Arrange.WatchAsync(Server, mother.Id);
        await using (var client = Arrange.Connect(Server, watch))
            await client.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(3), DeviceEventKind.Sos)]);
        return (mother.Id, still.Id);
    }

    private async Task LinkSonAsync(Guid mother, Guid account)
    {
        var scope = CareWatch.Storage.TenantScope.Bureau(await Server.TestBureauAsync());
        var (_, contact) = await Server.Services.GetRequiredService<ContactStore>().CreateAsync(scope, mother,
            new ContactInput("Wang Jun", "son", "zh", "wang.jun@example.test", null, 1, ["email"], null, null));
        await Server.Services.GetRequiredService<RelativeContacts>().LinkForSystemAsync(contact!.Id, account);
    }
}
