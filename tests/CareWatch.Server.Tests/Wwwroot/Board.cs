using System.Collections.Concurrent;
using CareWatch.Server.Tests.Support;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// The staff board open in Debian's Chromium, with what a test needs to see between the server and the page:
/// the hub's pushes as they arrive, and optionally the first GET /api/alerts held back after the server answered.
/// </summary>
public sealed class Board : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ConcurrentQueue<string> _frames = new();
    private readonly TaskCompletionSource _listFetched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _listReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listRequests;

    private Board(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => _frames.Enqueue(frame.Text ?? "");
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The cards, in the order the board shows them.</summary>
    public ILocator Cards => Page.Locator("#alerts > li");

    /// <summary>Opens a browser in Berlin time (the seniors may live elsewhere), not yet on the board.</summary>
    public static async Task<Board> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        var page = await browser.NewPageAsync(Chromium.PageOptions());
        return new Board(playwright, browser, page);
    }

    /// <summary>
    /// From now on the board's first GET /api/alerts is sent to the server at once, but its answer reaches the
    /// page only after <see cref="ReleaseAlertList"/>: the page then holds a list older than what happened since.
    /// </summary>
    public Task HoldFirstAlertListAsync() => Page.RouteAsync("**/api/alerts", async route =>
    {
        if (Interlocked.Increment(ref _listRequests) > 1)
        {
            await route.ContinueAsync();
            return;
        }
        var answer = await route.FetchAsync();
        _listFetched.TrySetResult();
        await _listReleased.Task;
        await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
    });

    /// <summary>Completes when the server has answered the held GET /api/alerts.</summary>
    public Task AlertListFetched => _listFetched.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Lets the held answer through to the page.</summary>
    public void ReleaseAlertList() => _listReleased.TrySetResult();

    /// <summary>Signs in as a new staff member of the test bureau, opens the board and waits until it is live.</summary>
    public async Task OpenAsync(ServerHost server)
    {
        var staff = await Support.Accounts.CreateAsync(server, CareWatch.Server.Accounts.CareWatchRoles.Staff, await server.TestBureauAsync());
        await SignInAsync(Page, server, staff);
        await Assertions.Expect(Page.Locator("#connection")).ToHaveTextAsync("Live");
    }

    /// <summary>Opens the board's address, is sent to the sign-in page, signs in there and lands on the board.</summary>
    public static async Task SignInAsync(IPage page, ServerHost server, TestAccount account)
    {
        await page.GotoAsync(server.HttpsAddress.ToString());
        await page.GetByLabel("User name").FillAsync(account.UserName);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // A relative lands on their own senior's page, everyone else on the alert queue.
            var home = account.Role == CareWatch.Server.Accounts.CareWatchRoles.Relative ? "Family" : "";
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.HttpsAddress, home).ToString());
        }
        catch (PlaywrightException ex)
        {
            var text = await page.Locator("body").InnerTextAsync();
            throw new InvalidOperationException($"Sign-in did not reach the board; the page says: {text}", ex);
        }
    }

    /// <summary>Waits until the page has received an AlertChanged push containing every one of the fragments.</summary>
    public async Task WaitForPushAsync(params string[] fragments)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_frames.Any(f => f.Contains("\"AlertChanged\"") && fragments.All(f.Contains)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No AlertChanged push with {string.Join(", ", fragments)} arrived.");
            await Task.Delay(50);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        ReleaseAlertList();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
