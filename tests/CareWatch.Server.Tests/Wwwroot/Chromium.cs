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
