using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>A senior's contacts and consent on the administration pages, in Debian's Chromium.</summary>
public sealed class AdminContactsTests : ServerTest
{
    [Fact]
    public async Task Contacts_SupervisorAddsEditsMovesAndRemoves_TheChainShowsIt()
    {
        var senior = await Arrange.SeniorAsync(Server, "Erna Kette");
        await using var browser = await AdminBrowser.SignedInAsync(Server, CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(AdminBrowser.Url(Server, $"Admin/Contacts/{senior.Id}"));

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Anna Tochter");
        await page.GetByLabel("Relation (daughter, neighbour…)").FillAsync("daughter");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("anna@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Contact added.");
        var row = page.Locator("#contacts tbody tr").Filter(new() { HasText = "Anna Tochter" });
        await Assertions.Expect(row).ToContainTextAsync("anna@example.org");

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit Anna Tochter" }).ClickAsync();
        await page.GetByLabel("Relation (daughter, neighbour…)").FillAsync("eldest daughter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("eldest daughter");
        await row.GetByLabel("New place of Anna Tochter").FillAsync("3");
        await row.GetByRole(AriaRole.Button, new() { Name = "Move Anna Tochter", Exact = true }).ClickAsync();
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("3");
        await Accessibility.AssertNoViolationsAsync(page);
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove Anna Tochter", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Contact removed.");
        await Assertions.Expect(page.Locator("#contacts tbody tr")).ToHaveCountAsync(0);
        Assert.Equal(["contact.created", "contact.updated", "contact.updated", "contact.deleted"],
            (await AuditOf.BureauAsync(Db, senior.BureauId)).Where(e => e.Action.StartsWith("contact.", StringComparison.Ordinal))
            .Select(e => e.Action));
    }

    [Fact]
    public async Task Contacts_ChannelWithoutAddress_ErrorNextToTheFieldWhichHasFocus()
    {
        var senior = await Arrange.SeniorAsync(Server, "Fritz Fehler");
        await using var browser = await AdminBrowser.SignedInAsync(Server, CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(AdminBrowser.Url(Server, $"Admin/Contacts/{senior.Id}"));

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nachbar Otto");
        await page.GetByLabel("Relation (daughter, neighbour…)").FillAsync("neighbour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();

        var email = page.GetByLabel("E-mail", new() { Exact = true });
        await Assertions.Expect(email).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Required for the email channel.");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Consents_SupervisorRecordsAndWithdraws_ListedWithTheirState()
    {
        var senior = await Arrange.SeniorAsync(Server, "Gerda Einwilligung");
        await using var browser = await AdminBrowser.SignedInAsync(Server, CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(AdminBrowser.Url(Server, $"Admin/Consents/{senior.Id}"));

        await page.GetByLabel("Monitoring and alarms to staff").CheckAsync();
        await page.GetByLabel("Notifying relatives").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Consent recorded.");
        var row = page.Locator("#consents tbody tr");
        await Assertions.Expect(row).ToContainTextAsync("Notifying relatives");
        await Accessibility.AssertNoViolationsAsync(page);
        await row.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Withdrawn on");
        Assert.Equal(["consent.recorded", "consent.withdrawn"], (await AuditOf.BureauAsync(Db, senior.BureauId))
            .Where(e => e.Action.StartsWith("consent.", StringComparison.Ordinal)).Select(e => e.Action));
    }
}
