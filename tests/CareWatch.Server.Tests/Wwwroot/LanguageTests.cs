using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
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
