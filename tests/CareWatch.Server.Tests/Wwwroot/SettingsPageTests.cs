using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>A person's own settings in Chromium: language, time zone and quiet hours, remembered in the account.</summary>
public sealed class SettingsPageTests : ServerTest
{
    [Fact]
    public async Task Save_GermanBerlinAndQuietHours_StoredAndPageInGerman()
    {
        var staff = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, await Server.TestBureauAsync());
        await using var browser = await Board.LaunchAsync();
        var page = browser.Page;
        await Board.SignInAsync(page, Server, staff);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#culture").SelectOptionAsync("de");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.GetByLabel("From").FillAsync("23:00");
        await page.GetByLabel("Until").FillAsync("06:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Gespeichert.");
        await Assertions.Expect(page.Locator("meta[name='time-zone']")).ToHaveAttributeAsync("content", "Europe/Berlin");
        using var scope = Server.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByIdAsync(staff.Id.ToString());
        Assert.Equal(("de", "Europe/Berlin"), (account!.Culture, account.TimeZone));
        var quiet = await Server.Services.GetRequiredService<NotificationPreferencesStore>().FindAsync(staff.Id);
        Assert.Equal(new TimeOnly(23, 0), quiet!.QuietFrom);
    }
}
