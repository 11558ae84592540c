using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The board across a server restart: it says it is not live, reconnects by itself and catches up.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task Board_ServerRestartedAndSosRaisedWhileAway_ReconnectsAndShowsIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var first = await ServerHost.StartAsync(db.ConnectionString);
        await first.WaitUntilReadyAsync();
        var port = first.HttpsPort;
        var senior = await Arrange.SeniorAsync(first, "Wang Shufen", "Asia/Shanghai");
        var staff = await Support.Accounts.CreateAsync(first, CareWatchRoles.Staff, senior.BureauId);
        await using var board = await Board.LaunchAsync();
        await Board.SignInAsync(board.Page, first, staff);
        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("All calm");

        await first.DisposeAsync();
        // Never a stale "all calm": the badge says the board may be out of date, and the summary stops claiming calm.
        await Assertions.Expect(board.Page.Locator("#connection")).Not.ToHaveTextAsync("Live");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("No open alerts when last updated");

        // The board's next connection waits until the SOS below exists, so only a reload can bring it.
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await board.Page.RouteAsync("**/hubs/alerts/negotiate**", async route =>
        {
            await raised.Task;
            await route.ContinueAsync();
        });
        await using var second = await ServerHost.StartAsync(db.ConnectionString, $"Http:HttpsPort={port}");
        await second.WaitUntilReadyAsync();
        await ArrangeAlerts.RaiseAsync(second, senior.Id, AlertKinds.Sos, null, Arrange.MinutesAgo(0), "SOS pressed.");
        raised.SetResult();

        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 30000 });
        await Assertions.Expect(board.Cards).ToHaveCountAsync(1);
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 open alert");
    }
}
