using System.ComponentModel.DataAnnotations;

namespace CareWatch.Server.Extensions;

/// <summary>Request limits per client, bound from the "RateLimits" section. Fixed windows, no queueing.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "RateLimits";

    /// <summary>
    /// Sign-in attempts one client IP address may make per <see cref="SignInWindow"/> (1-100,000; default 10):
    /// a person mistypes a few times, a password-guessing script needs thousands.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInPermits { get; set; } = 10;

    /// <summary>The sign-in window (1 s to 1 day; default one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// API requests one signed-in user (or, anonymous, one IP address) may make per <see cref="ApiWindow"/>
    /// (1-10,000,000; default 3000, 50 per second): far above a board, which polls seldom and is pushed
    /// alerts, and above registering a few thousand watches from one script; it stops a runaway client.
    /// </summary>
    [Range(1, 10_000_000)]
    public int ApiPermits { get; set; } = 3000;

    /// <summary>The API window (1 s to 1 day; default one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);
}
