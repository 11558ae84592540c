using System.Net;
using System.Net.Http.Json;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The senior page (Pages/Seniors/Detail.cshtml, ClientApp pages/senior.ts) in Debian's Chromium.</summary>
public sealed class SeniorPageTests : ServerTest
{
    [Fact]
    public async Task SeniorPage_StaffWithMinutesAndAResolvedAlert_ChartsDrawnHistoryWithOutcomeAndNoteAccessible()
    {
        var senior = await Arrange.SeniorAsync(Server, "Wang Fang", "Asia/Shanghai");
        // The last two hours (so today on her clock has minutes whatever the hour), and a quiet morning two days ago.
        await ArrangeMinutes.AddAsync(Server, senior.Id, Arrange.MinutesAgo(120), 100, movement: 180);
        await ArrangeMinutes.AddAsync(Server, senior.Id, Arrange.MinutesAgo(20), 21, movement: 3);
        await ArrangeMinutes.AddAsync(Server, senior.Id, DateTime.UtcNow.Date.AddDays(-2), 240, movement: 90);
        await ResolvedSosAsync(senior.Id, senior.BureauId, "assisted-at-home", "Helped her up, no injury.");
        await Server.Services.GetRequiredService<ContactStore>().CreateAsync(
            CareWatch.Storage.TenantScope.Bureau(senior.BureauId), senior.Id,
            new ContactInput("Wang Lei", "son", "zh", null, "+86 138 0000 0000", 1, ["webhook"], null, null));
        var staff = await People.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        await using var browser = await Board.LaunchAsync();

        await Board.SignInAsync(browser.Page, Server, staff);
        await browser.Page.GotoAsync(new Uri(Server.HttpsAddress, $"Seniors/{senior.Id}").ToString());

        var page = browser.Page;
        await Assertions.Expect(page.Locator("#today-chart canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#days-chart canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#today-chart"))
            .ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(page.Locator("#days-table tbody tr")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("#days-summary")).Not.ToHaveTextAsync("Loading…");
        var item = page.Locator(".history-item");
        await Assertions.Expect(item.Locator(".outcome")).ToHaveTextAsync("Assisted at home");
        await Assertions.Expect(item.Locator(".note")).ToHaveTextAsync("Helped her up, no injury.");
        await Assertions.Expect(page.Locator(".still-now")).ToContainTextAsync("Still for");
        await Assertions.Expect(page.Locator(".contact-list")).ToContainTextAsync("Wang Lei");
        if (Environment.GetEnvironmentVariable("CAREWATCH_SENIOR_SCREENSHOT") is { } shot) // a look on a tablet
        {
            await page.SetViewportSizeAsync(768, 1024);
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        }
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task SeniorPage_TheirRelative_SeesMovementAndAlertsWithoutTheBureausToolsOrNotes()
    {
        var senior = await Arrange.SeniorAsync(Server, "Li Na", "Asia/Shanghai");
        await ArrangeMinutes.AddAsync(Server, senior.Id, Arrange.MinutesAgo(30), 31, movement: 150);
        await ResolvedSosAsync(senior.Id, senior.BureauId, "senior-ok", "Door code 4711.");
        var relative = await People.CreateAsync(Server, CareWatchRoles.Relative, seniorId: senior.Id);
        await using var browser = await Board.LaunchAsync();

        await Board.SignInAsync(browser.Page, Server, relative);
        await browser.Page.GotoAsync(new Uri(Server.HttpsAddress, $"Seniors/{senior.Id}").ToString());

        var page = browser.Page;
        await Assertions.Expect(page.Locator("#today-chart canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".history-item .outcome")).ToHaveTextAsync("Senior was fine");
        await Assertions.Expect(page.Locator("#contacts-title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("4711");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task SeniorPage_SwitchedToChineseThenGerman_PageAndChartSummariesInThatLanguage()
    {
        var senior = await Arrange.SeniorAsync(Server, "Zhang Min", "Asia/Shanghai");
        await ArrangeMinutes.AddAsync(Server, senior.Id, Arrange.MinutesAgo(30), 31, movement: 150);
        await ResolvedSosAsync(senior.Id, senior.BureauId, "false-alarm", "Watch on the table.");
        var staff = await People.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        await using var browser = await Board.LaunchAsync();
        await Board.SignInAsync(browser.Page, Server, staff);
        var page = browser.Page;
        await page.GotoAsync(new Uri(Server.HttpsAddress, $"Seniors/{senior.Id}").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(page.Locator("#today-title")).ToHaveTextAsync("今日活动");
        await Assertions.Expect(page.Locator("#days-summary")).ToContainTextAsync("最长静止");
        await Assertions.Expect(page.Locator(".history-item .outcome")).ToHaveTextAsync("误报");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Assertions.Expect(page.Locator("#today-title")).ToHaveTextAsync("Bewegung heute");
        await Assertions.Expect(page.Locator("#today-summary")).ToContainTextAsync("Heute bisher");
        await Assertions.Expect(page.Locator(".history-item .outcome")).ToHaveTextAsync("Fehlalarm");
    }

    [Fact]
    public async Task SeniorPage_AMinuteLater_RightNowShowsWhatTheMonitorSaysThen()
    {
        var senior = await Arrange.SeniorAsync(Server, "Sun Mei", "Asia/Shanghai");
        await ArrangeMinutes.AddAsync(Server, senior.Id, Arrange.MinutesAgo(30), 31, movement: 150);
        var staff = await People.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        await using var browser = await Board.LaunchAsync();
        await Board.SignInAsync(browser.Page, Server, staff);
        var page = browser.Page;
        await page.Clock.InstallAsync();
        await page.GotoAsync(new Uri(Server.HttpsAddress, $"Seniors/{senior.Id}").ToString());
        await Assertions.Expect(page.Locator(".still-now")).ToContainTextAsync("Moving");
        // What the monitor would answer once she has lain still for 95 minutes (its decisions are tested elsewhere).
        var since = DateTime.UtcNow.AddMinutes(-95);
        var answer = $$"""
            {"rule":"fixed-rule","alertAfterMinutes":120,"stillSince":"{{since:O}}","stillForMinutes":95,
             "currentLimitMinutes":120,"lastMinute":"{{DateTime.UtcNow:O}}"}
            """;
        await page.RouteAsync("**/normal-stillness",
            route => route.FulfillAsync(new() { ContentType = "application/json", Body = answer }));

        await page.Clock.RunForAsync(61_000);

        await Assertions.Expect(page.Locator(".still-now")).ToContainTextAsync("Still for 1 h 35 min");
    }

    [Fact]
    public async Task SeniorPage_OtherBureausStaffOrAnotherSeniorsRelative_404WithoutTheName()
    {
        var senior = await Arrange.SeniorAsync(Server, "Qian Hua", "Asia/Shanghai");
        var sibling = await Arrange.SeniorAsync(Server, "Qian Bo", "Asia/Shanghai");
        var foreign = await Arrange.SeniorInNewBureauAsync(Server, "Bai Lan");
        using var otherStaff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, foreign.BureauId);
        using var otherRelative = await People.SignInNewAsync(Server, CareWatchRoles.Relative, seniorId: sibling.Id);
        using var ownRelative = await People.SignInNewAsync(Server, CareWatchRoles.Relative, seniorId: senior.Id);

        using var staffAnswer = await otherStaff.Http.GetAsync($"Seniors/{senior.Id}");
        using var relativeAnswer = await otherRelative.Http.GetAsync($"Seniors/{senior.Id}");
        using var ownAnswer = await ownRelative.Http.GetAsync($"Seniors/{senior.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            (staffAnswer.StatusCode, relativeAnswer.StatusCode, ownAnswer.StatusCode));
        Assert.DoesNotContain("Qian Hua", await staffAnswer.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Qian Hua", await relativeAnswer.Content.ReadAsStringAsync());
        Assert.Contains("Qian Hua", await ownAnswer.Content.ReadAsStringAsync());
    }

    private async Task ResolvedSosAsync(Guid seniorId, Guid bureau, string outcome, string note)
    {
        var at = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-50);
        var transitions = Server.Services.GetRequiredService<AlertTransitions>();
        var raised = await transitions.RaiseAsync(new NewAlert(seniorId, AlertKinds.Sos, AlertSeverity.Critical,
            AlertStates.Open, null, at, "SOS pressed."), MonitorChanges.Monitor, at);
        using var staff = await People.SignInNewAsync(Server, CareWatchRoles.Staff, bureau);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/alerts/{raised.Alert.Id}/resolve")
        {
            Content = JsonContent.Create(new { version = raised.Alert.Version, outcome, note }),
        };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, staff.AntiforgeryToken);
        using var response = await staff.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
