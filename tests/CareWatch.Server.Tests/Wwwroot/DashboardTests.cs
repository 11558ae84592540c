using CareWatch.Protocol;
using CareWatch.TestSupport;
using CareWatch.Server.Tests.Support;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The staff board in a real browser (Debian's Chromium driven by Playwright).</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task Board_SosPressedWhileOpen_ShowsAlertLiveInSeniorsLocalTime()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Wang Shufen", "Asia/Shanghai");
        var device = await Arrange.WatchAsync(server, senior.Id);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        var page = await browser.NewPageAsync(Chromium.PageOptions());
        var staff = await Support.Accounts.CreateAsync(server, CareWatch.Server.Accounts.CareWatchRoles.Staff, senior.BureauId);
        await Board.SignInAsync(page, server, staff);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("All calm");

        var pressedAt = Arrange.MinutesAgo(0);
        await using (var watch = Arrange.Connect(server, device))
        {
            await watch.SendAsync([], [new DeviceEvent(pressedAt, DeviceEventKind.Sos)]);
        }

        var item = page.Locator("#alerts > li");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("1 open alert");
        await Assertions.Expect(item.Locator(".name")).ToHaveTextAsync("Wang Shufen");
        await Assertions.Expect(item.Locator(".kind")).ToHaveTextAsync("SOS");
        var shanghai = TimeZoneInfo.ConvertTimeFromUtc(pressedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await Assertions.Expect(item.Locator(".explanation")).ToHaveTextAsync($"SOS pressed at {shanghai:HH:mm}.");
        Assert.Equal("(1) CareWatch — alerts", await page.TitleAsync());
    }
}
