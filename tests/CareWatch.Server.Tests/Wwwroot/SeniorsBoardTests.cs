using System.Text.RegularExpressions;
using CareWatch.FirmwareSim.Routine;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>/Seniors in a real browser: a tile per senior, updated live in place, filtered and searched.</summary>
public sealed class SeniorsBoardTests : ServerTest
{
    // The whole day is "day": no sleep window, whatever the hour the test runs at.
    protected override string[] Settings => ["Monitoring:DayStartHour=0", "Monitoring:DayEndHour=24"];

    [Fact]
    public async Task Board_WatchesChange_TilesUpdateLiveInPlaceAndSearchAndFiltersNarrowThem()
    {
        var anna = await Arrange.SeniorAsync(Server, "Anna Active");
        var bernd = await Arrange.SeniorAsync(Server, "Bernd Battery");
        await Arrange.SeniorAsync(Server, "Clara Calm");
        await using var annasWatch = await ConnectedWatchAsync(anna.Id, new BatteryState(80, false));
        await using var berndsWatch = await ConnectedWatchAsync(bernd.Id, new BatteryState(60, false));
        await using var browser = await Board.LaunchAsync();
        var page = browser.Page;
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, await Server.TestBureauAsync());
        await Board.SignInAsync(page, Server, staff);

        await page.GotoAsync(new Uri(Server.HttpsAddress, "Seniors").ToString());

        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        var tiles = page.Locator("#tiles li");
        await Assertions.Expect(tiles.Locator(".name")).ToHaveTextAsync(["Anna Active", "Bernd Battery", "Clara Calm"]);
        var annaTile = Tile(page, "Anna Active");
        var berndTile = Tile(page, "Bernd Battery");
        await Assertions.Expect(annaTile.Locator(".state")).ToHaveTextAsync("Active");
        await Assertions.Expect(berndTile.Locator(".battery")).ToHaveTextAsync("Battery 60 %");
        await Assertions.Expect(Tile(page, "Clara Calm").Locator(".state")).ToHaveTextAsync("No watch");
        await Assertions.Expect(page.Locator(".name", new() { HasText = "Anna Active" }))
            .ToHaveAttributeAsync("href", $"/Seniors/{anna.Id}");
        await Accessibility.AssertNoViolationsAsync(page);
        await tiles.EvaluateAllAsync<int>("items => items.map(i => i.dataset.kept = 'yes').length");

        await berndsWatch.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(0), 1, movement: 150), null,
            new BatteryState(9, false));
        await Assertions.Expect(berndTile.Locator(".state")).ToHaveTextAsync("Battery low");
        await Assertions.Expect(berndTile.Locator(".battery")).ToHaveTextAsync("Battery 9 %");
        await annasWatch.DisconnectAsync();
        await Assertions.Expect(annaTile.Locator(".state")).ToHaveTextAsync(new Regex(@"^Offline since \d{2}:\d{2}$"));
        // Updated in place: the same elements, not a re-rendered grid.
        await Assertions.Expect(page.Locator("#tiles li[data-kept='yes']")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("3 seniors · 3 need attention");

        await page.GetByLabel("Search by name").FillAsync("ber");
        await Assertions.Expect(tiles.Locator(".name:visible")).ToHaveTextAsync(["Bernd Battery"]);
        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("1 of 3 seniors shown");
        await page.GetByLabel("Search by name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Offline", Exact = true }).ClickAsync();
        await Assertions.Expect(tiles.Locator(".name:visible")).ToHaveTextAsync(["Anna Active"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Offline", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#results")).ToHaveAttributeAsync("role", "status");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static ILocator Tile(IPage page, string name) => page.Locator("#tiles li", new() { HasText = name });

    // A watch for the senior, connected, that has sent one moving minute the monitors have taken.
    private async Task<CareWatch.FirmwareSim.Device.SimulatedWatch> ConnectedWatchAsync(Guid seniorId,
        BatteryState battery)
    {
        var device = await Arrange.WatchAsync(Server, seniorId);
        var watch = Arrange.Connect(Server, device);
        var batch = await watch.SendAsync(Arrange.Minutes(Arrange.MinutesAgo(1), 1, movement: 150), null, battery);
        await Server.Monitors.SeenAsync(device.DeviceId, batch.Seq);
        await SeniorTiles.EventuallyAsync(Server.Http, seniorId, t => t.Battery == battery.Level);
        return watch;
    }
}
