using CareWatch.Protocol;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The relatives' page (/Family) in Chromium: their senior only, "I'm checking", their own preferences.</summary>
public sealed class FamilyPageTests : ServerTest
{
    [Fact]
    public async Task Family_SosOfTheirSeniorAndAnother_SeesOnlyTheirsSaysCheckingAndSavesQuietHours()
    {
        var mother = await Arrange.SeniorAsync(Server, "Wang Shufen", "Asia/Shanghai");
        var neighbour = await Arrange.SeniorAsync(Server, "Zhao Min", "Asia/Shanghai");
        var motherWatch = await Arrange.WatchAsync(Server, mother.Id);
        var neighbourWatch = await Arrange.WatchAsync(Server, neighbour.Id);
        var son = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Relative, seniorId: mother.Id);
        var contact = await LinkedContactAsync(mother.Id, son.Id);
        await using var browser = await Board.LaunchAsync();
        var page = browser.Page;
        await Board.SignInAsync(page, Server, son);
        await page.GotoAsync(Server.HttpsAddress + "Family");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");

        await using (var watch = Arrange.Connect(Server, neighbourWatch))
            await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);
        await using (var watch = Arrange.Connect(Server, motherWatch))
            await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);

        var open = page.Locator(".family-alerts li");
        await Assertions.Expect(open).ToHaveCountAsync(1); // live: pushed, no reload by the test
        await Assertions.Expect(open.Locator(".kind")).ToHaveTextAsync("SOS");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Zhao Min");
        await Accessibility.AssertNoViolationsAsync(page);

        await open.GetByRole(AriaRole.Button, new() { Name = "I'm checking on Wang Shufen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync(
            "The care bureau can see that you are checking on Wang Shufen.");

        await page.GetByLabel("From").FillAsync("22:00");
        await page.GetByLabel("Until").FillAsync("07:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Saved.");
        var stored = await Server.Services.GetRequiredService<ContactStore>().FindForSystemAsync(contact);
        Assert.Equal(new TimeOnly(22, 0), stored!.QuietFrom);
        Assert.Equal(new TimeOnly(7, 0), stored.QuietUntil);
    }

    [Fact]
    public async Task Board_StaffOfAnotherBureau_SeesNothingOfThisOne()
    {
        var here = await Arrange.SeniorAsync(Server, "Wang Shufen", "Asia/Shanghai");
        var watch = await Arrange.WatchAsync(Server, here.Id);
        var elsewhere = await Arrange.SeniorInNewBureauAsync(Server, "Anna Schmidt");
        var stranger = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, elsewhere.BureauId);
        var colleague = await Support.Accounts.CreateAsync(Server, CareWatchRoles.Staff, here.BureauId);
        await using var theirs = await Board.LaunchAsync();
        await Board.SignInAsync(theirs.Page, Server, stranger);
        await using var ours = await Board.LaunchAsync();
        await Board.SignInAsync(ours.Page, Server, colleague);

        await using (var client = Arrange.Connect(Server, watch))
            await client.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);

        await Assertions.Expect(ours.Cards).ToHaveCountAsync(1); // the push went out…
        await theirs.Page.ReloadAsync(); // …and neither it nor a fresh load shows it to the other bureau
        await Assertions.Expect(theirs.Page.Locator("#summary")).ToHaveTextAsync("All calm");
        await Assertions.Expect(theirs.Cards).ToHaveCountAsync(0);
        Assert.DoesNotContain("Wang Shufen", await theirs.Page.Locator("body").InnerTextAsync());
    }

    private async Task<Guid> LinkedContactAsync(Guid seniorId, Guid accountId)
    {
        var scope = CareWatch.Storage.TenantScope.Bureau(await Server.TestBureauAsync());
        var (_, contact) = await Server.Services.GetRequiredService<ContactStore>().CreateAsync(scope, seniorId,
            new ContactInput("Wang Jun", "son", "zh", "wang.jun@example.test", null, 1, ["email"], null, null));
        Assert.True(await Server.Services.GetRequiredService<RelativeContacts>().LinkForSystemAsync(contact!.Id, accountId));
        return contact.Id;
    }
}
