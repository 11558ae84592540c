using CareWatch.Monitoring;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The language switch: one click, every visible word (server pages and the board's script), remembered.</summary>
public sealed class LanguageTests : ServerTest
{
    [Fact]
    public async Task Switch_ToChineseThenGerman_BoardSpeaksItAndAccountRemembersIt()
    {
        var senior = await Arrange.SeniorAsync(Server, "Wang Shufen", "Asia/Shanghai");
        var device = await Arrange.WatchAsync(Server, senior.Id);
        var staff = await Support.Accounts.CreateAsync(Server, CareWatch.Server.Accounts.CareWatchRoles.Staff, senior.BureauId);
        await using var board = await Board.LaunchAsync();
        await Board.SignInAsync(board.Page, Server, staff);
        await using (var watch = Arrange.Connect(Server, device))
        {
            await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);
        }
        await Assertions.Expect(board.Cards.Locator(".kind")).ToHaveTextAsync("SOS");

        await board.Page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(board.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("实时");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 个未处理警报");
        await Assertions.Expect(board.Cards.Locator("button[data-action='acknowledge']")).ToHaveTextAsync("我来处理");
        await Assertions.Expect(board.Page.GetByRole(AriaRole.Link, new() { Name = "老人" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(board.Page);

        await board.Page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 offener Alarm");
        await Assertions.Expect(board.Cards.Locator(".since")).ToContainTextAsync("gedrückt um");

        // Remembered by the account: a fresh browser (no language cookie) signs in to German.
        await using var tablet = await Board.LaunchAsync();
        await Board.SignInAsync(tablet.Page, Server, staff);
        await Assertions.Expect(tablet.Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Insight_WithFacts_WordedInTheReadersLanguageNotTheStoredEnglish()
    {
        var senior = await Arrange.SeniorAsync(Server, "Li Guilan", "Asia/Shanghai");
        const string details = """
            {"facts":[{"kind":"less-activity","recent":-0.45,"usual":0,"days":7},
                      {"kind":"later-rising","recent":9.5,"usual":7,"days":7}]}
            """;
        await Server.Services.GetRequiredService<CareWatch.Storage.InsightStore>().AddIfNoneOpenAsync(senior.Id,
            "routine-drift", DateTime.UtcNow, "Stored in English at review time.", details);
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        var insight = board.Page.Locator("#insights li");
        await Assertions.Expect(insight).ToContainTextAsync("Routine changed: Much less activity than usual (");
        await Assertions.Expect(insight).ToContainTextAsync("over the last 7 days). Gets going later: around 09:30 instead of 07:00.");

        await board.Page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Assertions.Expect(insight).ToContainTextAsync("Tagesablauf verändert: Viel weniger Aktivität als sonst (");
        await Assertions.Expect(insight).ToContainTextAsync("Kommt später in Gang: gegen 09:30 statt 07:00.");
        await Assertions.Expect(insight).Not.ToContainTextAsync("Stored in English");
    }

    [Fact]
    public async Task Explanation_InactivityWithFacts_WordedInTheReadersLanguage()
    {
        var senior = await Arrange.SeniorAsync(Server, "Li Guilan", "Asia/Shanghai");
        var stillSince = Arrange.MinutesAgo(200);
        var facts = new AlertFacts(CareWatch.Detection.AlertTrigger.Model, 150, 95, 3).ToJson();
        await ArrangeAlerts.RaiseAsync(Server, senior.Id, AlertKinds.Inactivity, stillSince, stillSince.AddMinutes(150),
            "Stored in English at raise time.", factsJson: facts);
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        await Assertions.Expect(board.Cards.Locator(".explanation")).ToHaveTextAsync(
            "Watch worn, no movement for longer than usual for this person at this hour (limit 2 h 30 min; " +
            "their longest normal still period then is 1 h 35 min).");

        await board.Page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(board.Cards.Locator(".explanation")).ToHaveTextAsync(
            "手表佩戴中，静止时间超出此人在这个时段的常态（时限 2 小时 30 分钟；此时段最长的正常静止时间为 1 小时 35 分钟）。");
        await Assertions.Expect(board.Cards.Locator(".kind")).ToHaveTextAsync("长时间不动");
    }

    [Fact]
    public async Task SignInPage_BrowserAsksForChinese_IsInChineseAndPassesAxe()
    {
        await using var board = await Board.LaunchAsync();
        await board.Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "zh-CN,zh;q=0.9" });
        await board.Page.GotoAsync(Server.HttpsAddress + "Account/Login");
        await Assertions.Expect(board.Page.Locator("#sign-in-title")).ToHaveTextAsync("登录");
        await Assertions.Expect(board.Page.GetByLabel("用户名")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(board.Page);
    }
}
