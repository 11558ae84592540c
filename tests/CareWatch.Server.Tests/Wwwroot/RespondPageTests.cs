using CareWatch.Monitoring;
using CareWatch.Server.Adapters;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Contacts;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The relatives' "I'm checking on her" page, opened from a signed link in a real browser.</summary>
public sealed class RespondPageTests
{
    [Fact]
    public async Task SignedLink_OpenedThenAnswered_RecordsTheRelativeOnTheAlertOnlyWhenTheyPressTheButton_AndStaffSeeIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var (alertId, contactId) = await AlertWithContactAsync(server, db, "Chen Yuying");
        var link = server.Services.GetRequiredService<SignedRelativeLinks>().Create(alertId, contactId)!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        var page = await browser.NewPageAsync(Chromium.PageOptions());
        // The link carries the server's own address; the test server listens on another port.
        var response = await page.GotoAsync(new Uri(server.BaseAddress, link.PathAndQuery).ToString());

        Assert.Equal(200, response!.Status);
        // In the language of the son's message (his contact reads Chinese), without an account.
        await Assertions.Expect(page.Locator("#respond-title")).ToHaveTextAsync("您能去看看 Chen Yuying 吗？");
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal(0L, await RelativeEventsAsync(db, alertId, contactId)); // opening changes nothing (mail scanners)
        await page.Locator("#checking").ClickAsync();
        await Assertions.Expect(page.Locator("#recorded")).ToBeVisibleAsync();
        Assert.Equal(1L, await RelativeEventsAsync(db, alertId, contactId));

        // Staff see it on the alert's card.
        var bureau = await db.ScalarAsync<Guid>("SELECT s.bureau_id FROM alerts a JOIN seniors s ON s.id = a.senior_id WHERE a.id = @a", ("a", alertId));
        var staff = await Support.Accounts.CreateAsync(server, CareWatch.Server.Accounts.CareWatchRoles.Staff, bureau);
        var board = await browser.NewPageAsync(Chromium.PageOptions());
        await Board.SignInAsync(board, server, staff);
        await Assertions.Expect(board.Locator("#alerts > li .relative-checking"))
            .ToHaveTextAsync("Chen Lei (son) is checking on Chen Yuying");
    }

    [Fact]
    public async Task AlteredLink_SaysItNoLongerWorks_AndRecordsNothing()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var (alertId, contactId) = await AlertWithContactAsync(server, db, "Hu Guilan");
        var link = server.Services.GetRequiredService<SignedRelativeLinks>().Create(alertId, contactId)!;
        var token = Uri.UnescapeDataString(link.Segments[^1]);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        var page = await browser.NewPageAsync(Chromium.PageOptions());
        var response = await page.GotoAsync(new Uri(server.BaseAddress, "respond/" + Uri.EscapeDataString(altered)).ToString());

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("#expired")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#checking").CountAsync());
        Assert.Equal(0L, await RelativeEventsAsync(db, alertId, contactId));
    }

    private static async Task<(long AlertId, Guid ContactId)> AlertWithContactAsync(ServerHost server, TestDatabase db, string name)
    {
        var senior = await Arrange.SeniorAsync(server, name, "Asia/Shanghai");
        var (status, contact) = await server.Services.GetRequiredService<ContactStore>().CreateAsync(
            TenantScope.Bureau(senior.BureauId), senior.Id,
            new ContactInput("Chen Lei", "son", "zh", "chen.lei@example.org", null, 1, ["email"], null, null));
        Assert.Equal(ContactWriteStatus.Stored, status);
        await new SeniorAlertsFor(server, senior.Id).RaiseAsync(AlertKinds.Sos, null, "SOS pressed.");
        var alertId = await db.ScalarAsync<long>("SELECT id FROM alerts WHERE senior_id = @s", ("s", senior.Id));
        return (alertId, contact!.Id);
    }

    private static Task<long> RelativeEventsAsync(TestDatabase db, long alertId, Guid contactId) =>
        db.ScalarAsync<long>("SELECT count(*) FROM alert_events WHERE alert_id = @a AND event = 'relative-checking' " +
                             "AND actor_kind = 'relative' AND actor_id = @c", ("a", alertId), ("c", contactId.ToString()));
}
