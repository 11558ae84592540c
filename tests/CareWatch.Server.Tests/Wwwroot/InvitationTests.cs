using System.Net;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// A relative's own sign-in, in Chromium: a supervisor invites a senior's contact, the relative makes an account from
/// the link (in the contact's language) and lands on their page; the link works once.
/// </summary>
public sealed class InvitationTests : ServerTest
{
    [Fact]
    public async Task Invite_SupervisorInvitesDaughter_SheMakesHerSignInOnceAndSeesHerMother()
    {
        var mother = await Arrange.SeniorAsync(Server, "Hilde Mutter");
        await Arrange.SeniorAsync(Server, "Karl Fremd");
        await Server.Services.GetRequiredService<ContactStore>().CreateAsync(
            CareWatch.Storage.TenantScope.Bureau(mother.BureauId), mother.Id,
            new ContactInput("Paula Tochter", "daughter", "de", "paula@example.test", null, 1, ["email"], null, null));
        await using var supervisor = await AdminBrowser.SignedInAsync(Server, CareWatchRoles.Supervisor);
        await supervisor.Page.GotoAsync(AdminBrowser.Url(Server, $"Admin/Contacts/{mother.Id}"));
        await supervisor.Page.GetByRole(AriaRole.Button, new() { Name = "Invite Paula Tochter to sign in" }).ClickAsync();
        var link = await supervisor.Page.GetByLabel("Invitation link").InputValueAsync();
        await Accessibility.AssertNoViolationsAsync(supervisor.Page);

        await using var daughter = await Board.LaunchAsync();
        var page = daughter.Page;
        await page.GotoAsync(link);
        // The contact's language (German), without an account or a cookie.
        await Assertions.Expect(page.Locator("h2")).ToHaveTextAsync("Ihre eigene Anmeldung für Hilde Mutter");
        await Assertions.Expect(page.Locator("#displayName")).ToHaveValueAsync("Paula Tochter");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#userName").FillAsync("paula.tochter");
        await page.Locator("#password").FillAsync("lange-genug-4711");
        await page.Locator("#confirmPassword").FillAsync("lange-genug-4712");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#confirmPassword-error"))
            .ToHaveTextAsync("Die beiden Passwörter stimmen nicht überein.");
        await Assertions.Expect(page.Locator("#confirmPassword")).ToBeFocusedAsync();

        await page.Locator("#password").FillAsync("lange-genug-4711");
        await page.Locator("#confirmPassword").FillAsync("lange-genug-4711");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(Server.HttpsAddress, "Family").ToString());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hilde Mutter");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Karl Fremd");

        // Once: the same link now says it no longer works, with 404.
        var again = await page.GotoAsync(link);
        Assert.Equal(404, again!.Status);
        await Assertions.Expect(page.Locator("#invitation-expired")).ToBeVisibleAsync();
        await supervisor.Page.ReloadAsync();
        await Assertions.Expect(supervisor.Page.Locator("#contacts tbody tr").First).ToContainTextAsync("Yes");

        var relative = await Server.Services.GetRequiredService<RelativeContacts>()
            .FindInvitedForSystemAsync((await Server.Services.GetRequiredService<ContactStore>()
                .ListAsync(CareWatch.Storage.TenantScope.Bureau(mother.BureauId), mother.Id))![0].Id);
        Assert.True(relative!.Contact.HasSignIn);
        Assert.Equal(1, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM users WHERE user_name = 'paula.tochter' AND role = 'relative' AND senior_id = @s
              AND culture = 'de'
            """, ("s", mother.Id)));
        var actions = (await AuditOf.BureauAsync(Db, mother.BureauId)).Select(e => e.Action).ToList();
        Assert.Contains("contact.invited", actions);
        Assert.Contains("invitation.accepted", actions);
    }

    [Fact]
    public async Task Invite_AlteredOrUnknownToken_NotFoundAndNothingCreated()
    {
        var mother = await Arrange.SeniorAsync(Server, "Ilse Mutter");
        var (_, contact) = await Server.Services.GetRequiredService<ContactStore>().CreateAsync(
            CareWatch.Storage.TenantScope.Bureau(mother.BureauId), mother.Id,
            new ContactInput("Otto Sohn", "son", "en", "otto@example.test", null, 1, ["email"], null, null));
        var token = Server.Services.GetRequiredService<InvitationTokens>().Create(contact!.Id);
        var altered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        foreach (var t in new[] { altered, "not-a-token" })
        {
            var response = await Server.Https.GetAsync("Account/Invite/" + Uri.EscapeDataString(t));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await Server.Https.GetAsync("Account/Invite/" + Uri.EscapeDataString(token))).StatusCode);
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT count(*) FROM users WHERE role = 'relative'"));
    }
}
