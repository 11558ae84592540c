using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// The board across a server restart and a network drop: it says it is not live, reconnects by itself, survives a
/// failed request and catches up.
/// </summary>
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

    [Fact]
    public async Task Board_NetworkDropThenFailedReload_SaysSoRetriesAndShowsTheSosMissed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Li Guilan", "Asia/Shanghai");
        var staff = await Support.Accounts.CreateAsync(server, CareWatchRoles.Staff, senior.BureauId);
        await using var board = await Board.LaunchAsync();
        // The hub's WebSocket passes through the test, which can cut it as a dropped network would.
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await board.Page.RouteWebSocketAsync("**/hubs/alerts**", ws =>
        {
            lock (sockets) sockets.Add((ws, ws.ConnectToServer()));
        });
        await Board.SignInAsync(board.Page, server, staff);
        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("All calm");

        // After the drop, the first reload fails (503); the next one waits until the test has seen the board say so.
        var failedSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lists = 0;
        await board.Page.RouteAsync("**/api/alerts", async route =>
        {
            if (Interlocked.Increment(ref lists) == 1)
            {
                await route.FulfillAsync(new() { Status = 503, Body = "" });
                return;
            }
            await failedSeen.Task;
            await route.ContinueAsync();
        });
        (IWebSocketRoute Page, IWebSocketRoute Server)[] open;
        lock (sockets) open = [.. sockets];
        foreach (var (page, toServer) in open)
        {
            await toServer.CloseAsync();
            await page.CloseAsync(new() { Code = 4000, Reason = "network dropped" });
        }
        await ArrangeAlerts.RaiseAsync(server, senior.Id, AlertKinds.Sos, null, Arrange.MinutesAgo(0), "SOS pressed.");

        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Cannot load — retrying",
            new() { Timeout = 30000 });
        await Assertions.Expect(board.Page.Locator("#summary")).Not.ToHaveTextAsync("All calm");
        failedSeen.SetResult();

        await Assertions.Expect(board.Page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 30000 });
        await Assertions.Expect(board.Cards).ToHaveCountAsync(1);
        await Assertions.Expect(board.Page.Locator("#summary")).ToHaveTextAsync("1 open alert");
    }
}
