using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Escalation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The bureau's escalation chain and accounts on the administration pages, in Debian's Chromium.</summary>
public sealed class AdminBureauTests : ServerTest
{
    [Fact]
    public async Task Escalation_SupervisorChangesAStep_ErrorsByStepThenStored()
    {
        await using var browser = await AdminBrowser.SignedInAsync(Server, CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(AdminBrowser.Url(Server, "Admin/Escalation"));
        var firstAfter = page.Locator("[id='steps[0].afterSeconds']");

        await firstAfter.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(firstAfter).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[id='steps[0].afterSeconds-error']")).ToHaveTextAsync("The first step runs at 0 s.");
        await firstAfter.FillAsync("0");
        await page.Locator("[id='steps[1].afterSeconds']").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.Locator("[id='steps[1].afterSeconds']")).ToHaveValueAsync("120");
        await Accessibility.AssertNoViolationsAsync(page);
        var stored = await Server.Services.GetRequiredService<EscalationChainStore>()
            .ListAsync(TenantScope.Bureau(await Server.TestBureauAsync()));
        Assert.Equal([(0, ChainRecipients.OnDutyStaff), (120, ChainRecipients.Supervisors), (300, ChainRecipients.AllRelatives)],
            stored.Select(s => (s.AfterSeconds, s.Recipient)));
    }

    [Fact]
    public async Task Staff_SupervisorCreatesAnAccountAndSwitchesItOff_PasswordShownOnceAndStatusListed()
    {
        await using var browser = await AdminBrowser.SignedInAsync(Server, CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(AdminBrowser.Url(Server, "Admin/Staff"));

        await page.GetByLabel("User name").FillAsync("night.shift");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nora Nacht");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#generated-password")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch off the account of Nora Nacht" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Account switched off.");
        await Assertions.Expect(page.Locator("#generated-password")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#people tbody tr").Filter(new() { HasText = "Nora Nacht" }))
            .ToContainTextAsync("Switched off");
    }
}
