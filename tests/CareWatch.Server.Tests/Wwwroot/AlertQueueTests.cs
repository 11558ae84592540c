using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The live alert queue in a real browser: order, alarm tone, mute, assign, comments, shortcuts.</summary>
public sealed class AlertQueueTests : ServerTest
{
    private static readonly Regex SomeTones = new("^[1-9][0-9]*$");

    private AlertTransitions Transitions => Server.Services.GetRequiredService<AlertTransitions>();

    [Fact]
    public async Task Order_AlertsOfEverySeverity_MostSevereThenUnhandledThenLongestWaiting()
    {
        var watchOff = await RaiseAsync("Watch Off", AlertKinds.NotWorn, AlertSeverity.Low, minutesAgo: 300);
        var still = await RaiseAsync("Still Long", AlertKinds.Inactivity, AlertSeverity.High, minutesAgo: 200);
        var taken = await RaiseAsync("Fall Taken", AlertKinds.Fall, AlertSeverity.Critical, minutesAgo: 30);
        await RaiseAsync("Sos New", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 1);
        await RaiseAsync("Sos Older", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 4);
        using var colleague = await People.SignInNewAsync(Server, CareWatchRoles.Staff, await Server.TestBureauAsync());
        await CommandAsync(colleague, taken, "acknowledge");
        await using var board = await Board.LaunchAsync();

        await board.OpenAsync(Server);

        await Assertions.Expect(board.Cards.Locator(".name"))
            .ToHaveTextAsync(["Sos Older", "Sos New", "Fall Taken", "Still Long", "Watch Off"]);
        Assert.True(watchOff.Id > 0 && still.Id > 0);
    }

    [Fact]
    public async Task Alarm_NewSosThenAColleagueAcknowledges_SoundsUntilTheAcknowledgement()
    {
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        await board.Page.GetByRole(AriaRole.Button, new() { Name = "Turn on alarm sound" }).ClickAsync();
        var body = board.Page.Locator("body");
        await Assertions.Expect(body).ToHaveAttributeAsync("data-sounding", "false");

        var alert = await RaiseAsync("Sos Sound", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 0);
        await Assertions.Expect(body).ToHaveAttributeAsync("data-sounding", "true");
        await Assertions.Expect(body).ToHaveAttributeAsync("data-tones", SomeTones);
        await Assertions.Expect(board.Cards.First).ToHaveClassAsync(new Regex(@"\balarming\b"));
        using var colleague = await People.SignInNewAsync(Server, CareWatchRoles.Staff, await Server.TestBureauAsync());
        await CommandAsync(colleague, alert, "acknowledge");

        await Assertions.Expect(body).ToHaveAttributeAsync("data-sounding", "false");
        await Assertions.Expect(board.Cards.First).Not.ToHaveClassAsync(new Regex(@"\balarming\b"));
        await Assertions.Expect(board.Cards.First.Locator(".handling")).ToContainTextAsync("Test staff");
    }

    // The page's side of desktop notifications: headless Chromium shows none, so the Notification API is replaced by
    // a recorder before the page's scripts run (permission "default" until the person allows it).
    private const string NotificationRecorder = """
        window.__notices = [];
        class RecordedNotification {
          static permission = "default";
          static async requestPermission() { RecordedNotification.permission = "granted"; return "granted"; }
          constructor(title, options) { window.__notices.push({ title, body: options.body, tag: options.tag }); }
          close() {}
        }
        window.Notification = RecordedNotification;
        """;

    [Fact]
    public async Task DesktopNotice_AllowedThenNewSos_OneNoticeNamingTheSeniorAndKind()
    {
        await using var board = await Board.LaunchAsync();
        await board.Page.AddInitScriptAsync(NotificationRecorder);
        await board.OpenAsync(Server);
        var allow = board.Page.GetByRole(AriaRole.Button, new() { Name = "Allow desktop notifications" });
        await allow.ClickAsync();
        await Assertions.Expect(allow).ToBeHiddenAsync();

        var alert = await RaiseAsync("Sos Notice", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 0);
        await Assertions.Expect(board.Cards.First).ToContainTextAsync("Sos Notice");
        await board.Page.WaitForFunctionAsync("() => window.__notices.length > 0");
        var notices = await board.Page.EvaluateAsync<Notice[]>("() => window.__notices");

        var notice = Assert.Single(notices);
        Assert.Contains("Sos Notice", notice.Title + " " + notice.Body);
        Assert.Contains("SOS", notice.Title + " " + notice.Body);
        Assert.Equal($"alert-{alert.Id}", notice.Tag);
    }

    private sealed class Notice
    {
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string Tag { get; set; } = "";
    }

    [Fact]
    public async Task Mute_OnOneDevice_ThatBoardStaysSilentAfterAReloadTheOtherSounds()
    {
        await using var muted = await Board.LaunchAsync();
        await using var other = await Board.LaunchAsync();
        await muted.OpenAsync(Server);
        await other.OpenAsync(Server);
        var mute = muted.Page.GetByRole(AriaRole.Button, new() { Name = "Mute alarm on this device" });
        await mute.ClickAsync();
        await Assertions.Expect(mute).ToHaveAttributeAsync("aria-pressed", "true");

        await RaiseAsync("Sos Muted", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 0);
        await Assertions.Expect(other.Page.Locator("body")).ToHaveAttributeAsync("data-sounding", "true");
        await Assertions.Expect(muted.Cards).ToHaveCountAsync(1);
        await Assertions.Expect(muted.Page.Locator("body")).ToHaveAttributeAsync("data-sounding", "false");
        await muted.Page.ReloadAsync();

        await Assertions.Expect(muted.Page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(muted.Cards).ToHaveCountAsync(1);
        await Assertions.Expect(mute).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(muted.Page.Locator("body")).ToHaveAttributeAsync("data-sounding", "false");
        await Assertions.Expect(other.Page.Locator("body")).ToHaveAttributeAsync("data-sounding", "true");
    }

    [Fact]
    public async Task AssignAndComment_OnOneBoard_TheSecondBoardOfTheBureauSeesBoth()
    {
        var bureau = await Server.TestBureauAsync();
        var ana = await PersonAsync("Ana Wang", bureau);
        var ben = await PersonAsync("Ben Li", bureau);
        await RaiseAsync("Shared Care", AlertKinds.Fall, AlertSeverity.Critical, minutesAgo: 2);
        await using var anaBoard = await Board.LaunchAsync();
        await using var benBoard = await Board.LaunchAsync();
        await OpenAsAsync(anaBoard, ana);
        await OpenAsAsync(benBoard, ben);
        var card = anaBoard.Cards.Filter(new() { HasText = "Shared Care" });
        var seen = benBoard.Cards.Filter(new() { HasText = "Shared Care" });
        var draft = seen.GetByLabel("Comment", new() { Exact = true });
        await draft.FillAsync("Half a thought"); // Ben is typing when Ana's changes arrive

        await card.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Ben Li" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await card.GetByLabel("Comment", new() { Exact = true }).FillAsync("Neighbour has a key.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();

        await Assertions.Expect(seen.Locator(".assigned")).ToContainTextAsync("Ben Li");
        await Assertions.Expect(seen.Locator(".comments li")).ToContainTextAsync(["Neighbour has a key."]);
        await Assertions.Expect(seen.Locator(".comments li")).ToContainTextAsync(["Ana Wang"]);
        await Assertions.Expect(card.GetByLabel("Comment", new() { Exact = true })).ToHaveValueAsync("");
        // Keyed updates: the pushes changed Ben's card in place, his draft and his focus are where they were.
        await Assertions.Expect(draft).ToHaveValueAsync("Half a thought");
        await Assertions.Expect(draft).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Shortcuts_AThenRThenQuestionMark_AcknowledgeTheFirstResolveTheFocusedAndShowTheList()
    {
        await RaiseAsync("Key First", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 9);
        await RaiseAsync("Key Second", AlertKinds.Sos, AlertSeverity.Critical, minutesAgo: 3);
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        var first = board.Cards.Filter(new() { HasText = "Key First" });
        var second = board.Cards.Filter(new() { HasText = "Key Second" });
        await Assertions.Expect(board.Cards).ToHaveCountAsync(2);

        await board.Page.Keyboard.PressAsync("a");
        await Assertions.Expect(first.Locator(".status-word")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(second.Locator(".status-word")).ToHaveTextAsync("");
        await second.FocusAsync();
        await board.Page.Keyboard.PressAsync("r");
        var dialog = board.Page.Locator("#resolve-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator(".resolve-name")).ToHaveTextAsync("Key Second");
        await board.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await board.Page.Keyboard.PressAsync("?");

        await Assertions.Expect(board.Page.Locator("#shortcuts-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(board.Page.Locator("#shortcuts-dialog")).ToContainTextAsync("Acknowledge");
    }

    [Fact]
    public async Task Board_StaffWithAnAlarmingCard_NoAccessibilityViolations()
    {
        await RaiseAsync("Axe Check", AlertKinds.Inactivity, AlertSeverity.High, minutesAgo: 130);
        await using var board = await Board.LaunchAsync();
        await board.OpenAsync(Server);
        await Assertions.Expect(board.Cards).ToHaveCountAsync(1);

        await Accessibility.AssertNoViolationsAsync(board.Page);
    }

    // Open at once; its chain far ahead, so only the test changes it.
    private async Task<AlertRecord> RaiseAsync(string name, string kind, AlertSeverity severity, int minutesAgo)
    {
        var senior = await Arrange.SeniorAsync(Server, name);
        var at = TimeProvider.System.GetUtcNow().UtcDateTime;
        var started = Arrange.MinutesAgo(minutesAgo);
        var raised = await Transitions.RaiseAsync(new NewAlert(senior.Id, kind, severity, AlertStates.Open,
            kind == AlertKinds.Inactivity ? started : null, started, "Arranged.", NextStepAt: at.AddHours(1)),
            MonitorChanges.Monitor, at);
        return raised.Alert;
    }

    private async Task<TestAccount> PersonAsync(string name, Guid bureau)
    {
        var account = await People.CreateAsync(Server, CareWatchRoles.Staff, bureau);
        await Db.ScalarAsync<int>("UPDATE users SET display_name = @n WHERE id = @id RETURNING 1",
            ("n", name), ("id", account.Id));
        return account;
    }

    private async Task OpenAsAsync(Board board, TestAccount account)
    {
        await Board.SignInAsync(board.Page, Server, account);
        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Live");
    }

    private async Task CommandAsync(SignedInClient client, AlertRecord alert, string command)
    {
        var version = await Db.ScalarAsync<int>("SELECT version FROM alerts WHERE id = @id", ("id", alert.Id));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/alerts/{alert.Id}/{command}")
            { Content = JsonContent.Create(new { version }) };
        request.Headers.Add(CookieApiAntiforgery.HeaderName, client.AntiforgeryToken);
        using var response = await client.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
