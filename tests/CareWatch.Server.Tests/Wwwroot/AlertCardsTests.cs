using System.Text.RegularExpressions;
using CareWatch.Monitoring;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>wwwroot/js/alert-cards.js in a real browser: one truthful card per alert, in order of urgency.</summary>
public sealed class AlertCardsTests : ServerTest
{
    private const string Shanghai = "Asia/Shanghai";

    [Fact]
    public async Task Show_PushedAlertsOfEveryKind_MostSevereFirstAndExistingCardsKept()
    {
        var offline = await Arrange.SeniorAsync(Server, "Offline Zhao", Shanghai);
        await MonitorAlerts(offline.Id).RaiseAsync(AlertKinds.Offline, null, "No data from the watch since 05:00: …",
            startedAt: Arrange.MinutesAgo(300));
        await using var board = await Board.LaunchAsync();

        await board.OpenAsync(Server);

        // A watch in a device-health state is an open alert: the board does not say "All calm".
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 open alert");
        await Assertions.Expect(board.Page.Locator("#empty")).ToBeHiddenAsync();
        await board.Cards.EvaluateAllAsync<int>("cards => cards.map(c => c.dataset.kept = 'yes').length");

        var stillLonger = await Arrange.SeniorAsync(Server, "Still Qian", Shanghai);
        var still = await Arrange.SeniorAsync(Server, "Still Sun", Shanghai);
        var fell = await Arrange.SeniorAsync(Server, "Fell Li", Shanghai);
        var pressed = await Arrange.SeniorAsync(Server, "Pressed Zhou", Shanghai);
        await MonitorAlerts(still.Id).RaiseAsync(AlertKinds.Inactivity, Arrange.MinutesAgo(180), "Still …");
        await MonitorAlerts(stillLonger.Id).RaiseAsync(AlertKinds.Inactivity, Arrange.MinutesAgo(240), "Still …");
        await MonitorAlerts(fell.Id).RaiseAsync(AlertKinds.Fall, null, "Watch detected a fall …",
            startedAt: Arrange.MinutesAgo(20));
        // The outbox delivers pushes of different alerts in parallel, in no set order: the SOS comes once the others
        // are shown, so it is the latest emergency the announcer has to say.
        await Assertions.Expect(board.Cards).ToHaveCountAsync(4);
        await MonitorAlerts(pressed.Id).RaiseAsync(AlertKinds.Sos, null, "SOS pressed …",
            startedAt: Arrange.MinutesAgo(5));

        await Assertions.Expect(board.Cards.Locator(".name"))
            .ToHaveTextAsync(["Fell Li", "Pressed Zhou", "Still Qian", "Still Sun", "Offline Zhao"]); // severity, age
        // Cards are updated in place: the one already shown was moved down, not replaced.
        var kept = board.Page.Locator("#alerts > li[data-kept='yes'] .name");
        await Assertions.Expect(kept).ToHaveTextAsync("Offline Zhao");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("5 open alerts");
        var announcer = board.Page.Locator("#announcer");
        await Assertions.Expect(announcer).ToHaveAttributeAsync("aria-live", "assertive");
        await Assertions.Expect(announcer).ToHaveTextAsync("SOS: Pressed Zhou");
    }

    [Fact]
    public async Task Show_CheckingAndCriticalAlerts_SayTheWatchIsAskingAndMarkCritical()
    {
        var asking = await Arrange.SeniorAsync(Server, "Asking Wu", Shanghai);
        var critical = await Arrange.SeniorAsync(Server, "Critical Xu", Shanghai);
        var transitions = Server.Services.GetRequiredService<CareWatch.Storage.Alerts.AlertTransitions>();
        var at = Arrange.MinutesAgo(0);
        await transitions.RaiseAsync(new CareWatch.Storage.Alerts.NewAlert(asking.Id, AlertKinds.Inactivity,
            CareWatch.Storage.Alerts.AlertSeverity.High, CareWatch.Storage.Alerts.AlertStates.Checking, at.AddMinutes(-150),
            at.AddMinutes(-150), "Still …", PromptDeadline: at.AddMinutes(2)), CareWatch.Storage.Alerts.AlertActor.System("test"), at);
        await transitions.RaiseAsync(new CareWatch.Storage.Alerts.NewAlert(critical.Id, AlertKinds.Inactivity,
            CareWatch.Storage.Alerts.AlertSeverity.Critical, CareWatch.Storage.Alerts.AlertStates.Open, at.AddMinutes(-200),
            at.AddMinutes(-200), "Still …"), CareWatch.Storage.Alerts.AlertActor.System("test"), at);
        await using var board = await Board.LaunchAsync();

        await board.OpenAsync(Server);

        var askingCard = board.Page.Locator("#alerts > li", new() { HasText = "Asking Wu" });
        var criticalCard = board.Page.Locator("#alerts > li", new() { HasText = "Critical Xu" });
        await Assertions.Expect(askingCard.Locator(".status-word")).ToHaveTextAsync("Asking “Are you OK?” on the watch");
        await Assertions.Expect(askingCard).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("critical"));
        await Assertions.Expect(criticalCard).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcritical\b"));
    }

    [Fact]
    public async Task Show_StillSinceYesterdayAndSosPressedBeforeRaise_OneLiveDurationFromWhenItBegan()
    {
        var now = Arrange.MinutesAgo(0);
        var still = await Arrange.SeniorAsync(Server, "Chen Meiling", Shanghai);
        var pressed = await Arrange.SeniorAsync(Server, "Zhou Lan", Shanghai);
        var store = Server.Services.GetRequiredService<AlertStore>();
        var stillSince = now.AddHours(-26);
        await ArrangeAlerts.RaiseAsync(Server, still.Id, AlertKinds.Inactivity, stillSince, stillSince.AddHours(2),
            "Still for 2 h 00 min since 21:43, watch worn. The fixed rule alerts after 2 h 00 min without movement.");
        var pressedAt = now.AddMinutes(-7); // the watch reported the press late
        await ArrangeAlerts.RaiseAsync(Server, pressed.Id, AlertKinds.Sos, null, now, "SOS pressed at 14:02.", startedAt: pressedAt);
        await using var board = await Board.LaunchAsync();
        await board.Page.Clock.SetFixedTimeAsync(now); // the durations below are then exact

        await board.OpenAsync(Server);

        var sos = board.Cards.Nth(0);
        await Assertions.Expect(sos.Locator(".duration")).ToHaveTextAsync("7 min 00 s"); // open: counted by the second
        await Assertions.Expect(sos.Locator(".since"))
            .ToHaveTextAsync($"pressed at {BoardTime.When(pressedAt, Shanghai, now)}");
        var inactivity = board.Cards.Nth(1);
        await Assertions.Expect(inactivity.Locator(".duration")).ToHaveTextAsync("26 h 00 min 00 s");
        await Assertions.Expect(inactivity.Locator(".since"))
            .ToHaveTextAsync($"still since {BoardTime.When(stillSince, Shanghai, now)}");
        await Assertions.Expect(inactivity.Locator(".since")).ToHaveTextAsync(new Regex(@"yesterday|\d [A-Z][a-z]{2}"));
        await Assertions.Expect(inactivity.Locator(".explanation"))
            .ToHaveTextAsync("The fixed rule alerts after 2 h 00 min without movement.");
        await Assertions.Expect(inactivity).Not.ToContainTextAsync("Still for");
    }

    [Fact]
    public async Task Show_ClosedAlert_SaysWhatEndedItThroughReloadsUntil15MinutesPass()
    {
        var senior = await Arrange.SeniorAsync(Server, "Huang Xiu", Shanghai);
        var alerts = MonitorAlerts(senior.Id);
        await alerts.RaiseAsync(AlertKinds.NotWorn, null, "Watch not worn since 09:00 (2 h 00 min): …",
            startedAt: Arrange.MinutesAgo(150));
        var backOnAt = Arrange.MinutesAgo(2);
        await alerts.ClearAsync(AlertKinds.NotWorn, backOnAt); // closed now; the watch was back on two minutes ago
        var closedBy = DateTime.UtcNow;
        await using var board = await Board.LaunchAsync();

        await board.OpenAsync(Server); // a page loaded after the clear: GET /api/alerts still lists it

        var outcome = board.Cards.Locator(".outcome");
        await Assertions.Expect(outcome)
            .ToHaveTextAsync($"Watch back on the wrist at {BoardTime.When(backOnAt, Shanghai, DateTime.UtcNow)}");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("All calm");

        await board.Page.Clock.SetFixedTimeAsync(closedBy.AddMinutes(15).AddSeconds(1));
        await board.Page.ReloadAsync();
        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("All calm");
        await Assertions.Expect(board.Cards).ToHaveCountAsync(0);
    }

    private SeniorAlertsFor MonitorAlerts(Guid seniorId) => new(Server, seniorId);
}
