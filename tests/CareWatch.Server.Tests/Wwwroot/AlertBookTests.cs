using System.Text.RegularExpressions;
using CareWatch.Monitoring;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// wwwroot/js/alert-book.js in a real browser: pushes that arrive while the board reloads are kept, and merged
/// with the reload's (older) answer by version.
/// </summary>
public sealed class AlertBookTests : ServerTest
{
    [Fact]
    public async Task Reload_SosPushedWhileListHeldBack_ShowsSos()
    {
        var senior = await Arrange.SeniorAsync(Server, "Wang Shufen", "Asia/Shanghai");
        var device = await Arrange.WatchAsync(Server, senior.Id);
        await using var board = await Board.LaunchAsync();
        await board.HoldFirstAlertListAsync();

        await board.OpenAsync(Server);
        await board.AlertListFetched; // the server said "no alerts"; the page has not heard it yet
        await using (var watch = Arrange.Connect(Server, device))
        {
            await watch.SendAsync([], [new DeviceEvent(Arrange.MinutesAgo(0), DeviceEventKind.Sos)]);
        }
        await board.WaitForPushAsync("\"kind\":\"sos\"");
        board.ReleaseAlertList();

        await Assertions.Expect(board.Cards).ToHaveCountAsync(1);
        await Assertions.Expect(board.Cards.Locator(".kind")).ToHaveTextAsync("SOS");
        await Assertions.Expect(board.Cards.Locator(".name")).ToHaveTextAsync("Wang Shufen");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 open alert");
        await Assertions.Expect(board.Page.Locator("#announcer")).ToHaveTextAsync("SOS: Wang Shufen");
    }

    [Fact]
    public async Task Reload_ConditionEndedPushedWhileStaleListHeldBack_CardStaysOpenForStaff()
    {
        var senior = await Arrange.SeniorAsync(Server, "Li Guilan", "Asia/Shanghai");
        var stillSince = Arrange.MinutesAgo(180);
        await ArrangeAlerts.RaiseAsync(Server, senior.Id, AlertKinds.Inactivity, stillSince, stillSince.AddHours(2),
            "Still for 2 h 00 min since 09:00, watch worn. The fixed rule alerts after 2 h 00 min without movement.");
        await using var board = await Board.LaunchAsync();
        await board.HoldFirstAlertListAsync();

        await board.OpenAsync(Server);
        await board.AlertListFetched; // the answer the page will get predates the movement
        await MonitorAlerts(senior.Id).ClearAsync(AlertKinds.Inactivity, Arrange.MinutesAgo(1));
        await board.WaitForPushAsync("\"endedAt\":\"");
        board.ReleaseAlertList();

        // Movement is an event on the alert, not a close: staff still have to look and close it themselves.
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 open alert");
        var card = board.Cards;
        await Assertions.Expect(card).Not.ToHaveClassAsync(new Regex(@"\bclosed\b"));
        await Assertions.Expect(card.Locator(".duration")).ToBeVisibleAsync();
    }

    private SeniorAlertsFor MonitorAlerts(Guid seniorId) => new(Server, seniorId);
}
