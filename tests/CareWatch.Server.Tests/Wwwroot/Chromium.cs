using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>Launch settings for Debian's Chromium (Playwright's own browser download is not available offline).</summary>
internal static class Chromium
{
    /// <summary>
    /// A page in Berlin time (the seniors may live elsewhere). The server's certificate is from its private CA,
    /// which this throwaway browser profile does not hold, so certificate errors are accepted here (only here).
    /// </summary>
    public static BrowserNewPageOptions PageOptions() => new() { TimezoneId = "Europe/Berlin", IgnoreHTTPSErrors = true };

    // Playwright's assertions wait for the page to show a fact. Its default of 5 s is a timing assumption a loaded
    // 2-core CI machine breaks (a watch's SOS crosses gateway, grain, database and hub before a page shows it), so
    // every browser test waits up to 20 s; a test that passes still passes as soon as the fact holds.
    static Chromium() => Assertions.SetDefaultExpectTimeout(20_000);

    /// <summary>Headless, as root, with background networking off (this machine has no outside network).</summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CAREWATCH_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    };
}
