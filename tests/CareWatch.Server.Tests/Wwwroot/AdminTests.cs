using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Bureaus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The bureau's administration pages in Debian's Chromium: a supervisor changes, staff only read.</summary>
public sealed class AdminTests : ServerTest
{
    [Fact]
    public async Task Seniors_SupervisorAddsASeniorAndAssignsAWatch_TheWatchShowsUnderTheSenior()
    {
        var previous = await Arrange.SeniorAsync(Server, "Otto Vorher");
        var watch = await Arrange.WatchAsync(Server, previous.Id);
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;

        await page.GotoAsync(Url("Admin/Seniors"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Li Xiuying");
        await page.GetByLabel("Time zone").SelectOptionAsync("Asia/Shanghai");
        await page.GetByLabel("Language of the watch").SelectOptionAsync("zh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add senior" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Li Xiuying" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Senior added. Now assign a watch.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Assign a watch").SelectOptionAsync(watch.DeviceId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".watches .device-id")).ToHaveTextAsync([watch.DeviceId]);
        await page.GotoAsync(Url("Admin/Seniors"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Li Xiuying" });
        await Assertions.Expect(row).ToContainTextAsync(watch.DeviceId);
        await Assertions.Expect(row).ToContainTextAsync("Asia/Shanghai");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Otto Vorher" }))
            .Not.ToContainTextAsync(watch.DeviceId);
        Assert.Contains(await AuditOf.BureauAsync(Db, previous.BureauId), e => e.Action == "device.assigned");
    }

    [Fact]
    public async Task Senior_SupervisorRegistersANewWatch_ConnectionStringShownOnceAndTheWatchListed()
    {
        var senior = await Arrange.SeniorAsync(Server, "Karl Neu");
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(Url($"Admin/Senior/{senior.Id}"));

        await page.GetByLabel("Register a new watch: its id (optional)").FillAsync("watch-karl-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register watch" }).ClickAsync();

        await Assertions.Expect(page.Locator("#connection-string")).ToContainTextAsync("DeviceId=watch-karl-1;SharedAccessKey=");
        await Assertions.Expect(page.Locator(".watches .device-id")).ToHaveTextAsync(["watch-karl-1"]);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync(Url($"Admin/Senior/{senior.Id}"));
        await Assertions.Expect(page.Locator("#connection-string")).ToHaveCountAsync(0);
        await page.GetByLabel("Register a new watch: its id (optional)").FillAsync("watch-karl-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register watch" }).ClickAsync();
        await Assertions.Expect(page.Locator("#newDeviceId-error")).ToHaveTextAsync("A watch with this id exists already.");
    }

    [Fact]
    public async Task Seniors_InvalidName_ErrorNextToTheFieldWhichHasFocus()
    {
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(Url("Admin/Seniors"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Add senior" }).ClickAsync();

        var name = page.GetByLabel("Name", new() { Exact = true });
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(name).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#displayName-error")).ToHaveTextAsync("1 to 200 characters.");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Rota_SupervisorAddsAShiftThatHasStarted_OnDutyNowNamesThePerson()
    {
        var bureau = await Server.TestBureauAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await Db.ScalarAsync<string>(
            "SELECT time_zone FROM bureaus WHERE id = @id", ("id", bureau)));
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(Url("Admin/Rota"));
        await Assertions.Expect(page.Locator("#on-duty")).ToContainTextAsync("Nobody is on a shift");

        await page.GetByLabel("Who").SelectOptionAsync(new SelectOptionValue { Label = "Test supervisor" });
        await page.GetByLabel("From").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("Until").FillAsync(now.AddHours(3).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add shift" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Shift added.");
        await Assertions.Expect(page.Locator("#on-duty li")).ToHaveTextAsync(["Test supervisor"]);
        await Assertions.Expect(page.Locator("#shifts tbody tr")).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Contains(await AuditOf.BureauAsync(Db, bureau), e => e.Action == "shift.added");
    }

    [Fact]
    public async Task CheckIn_SupervisorChangesTheWindow_StoredAndShown()
    {
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(Url("Admin/CheckIn"));
        var window = page.GetByLabel("Wait for OK (seconds)");

        await window.FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(window).ToBeFocusedAsync();
        await Assertions.Expect(window).ToHaveAttributeAsync("aria-invalid", "true");
        await window.FillAsync("300");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. New alerts use these settings.");
        await Assertions.Expect(window).ToHaveValueAsync("300");
        await Accessibility.AssertNoViolationsAsync(page);
        var stored = await Server.Services.GetRequiredService<CheckInSettingsStore>()
            .FindAsync(TenantScope.Bureau(await Server.TestBureauAsync()));
        Assert.Equal(300, stored!.WindowSeconds);
    }

    [Fact]
    public async Task Pages_StaffMember_ReadsButCannotChange()
    {
        await Arrange.SeniorAsync(Server, "Greta Lesen");
        await using var browser = await SignedInAsync(CareWatchRoles.Staff);
        var page = browser.Page;

        foreach (var path in new[] { "Admin", "Admin/Seniors", "Admin/Rota", "Admin/CheckIn" })
        {
            await page.GotoAsync(Url(path));
            await Assertions.Expect(page.Locator("main h2")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
        }
        await Assertions.Expect(page.GetByLabel("Wait for OK (seconds)")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await page.GotoAsync(Url("Admin/Seniors"));
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Greta Lesen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add senior" })).ToHaveCountAsync(0);
        await page.GotoAsync(Url("Admin/Staff"));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
    }

    [Fact]
    public async Task Pages_SupervisorOnly_PassTheAccessibilityCheck()
    {
        var senior = await Arrange.SeniorAsync(Server, "Hans Prüfung");
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;

        foreach (var path in new[] { "Admin/Staff", "Admin/Escalation", $"Admin/Contacts/{senior.Id}", $"Admin/Consents/{senior.Id}" })
        {
            await page.GotoAsync(Url(path));
            await Assertions.Expect(page.Locator("main h2")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task CheckIn_InChineseThenGerman_LabelsAndErrorsTranslated()
    {
        await using var browser = await SignedInAsync(CareWatchRoles.Supervisor);
        var page = browser.Page;
        await page.GotoAsync(Url("Admin/CheckIn"));

        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync("平安确认");
        await page.GetByLabel("等待确认（秒）").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#windowSeconds-error")).ToHaveTextAsync("请输入整数秒数。");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();

        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync("Rückfrage");
        await Assertions.Expect(page.GetByLabel("Auf OK warten (Sekunden)")).ToBeVisibleAsync();
        await page.GotoAsync(Url("Admin/Seniors"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private string Url(string path) => AdminBrowser.Url(Server, path);

    private Task<Board> SignedInAsync(string role) => AdminBrowser.SignedInAsync(Server, role);
}
