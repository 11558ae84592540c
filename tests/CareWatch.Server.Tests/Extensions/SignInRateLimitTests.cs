using System.Net;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>The "sign-in" rate limit on the real sign-in page: attempts from one address are counted.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_OverThePerAddressLimit_Answers429WithRetryAfter()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = await ServerHost.StartAsync(db.ConnectionString,
            "RateLimits:SignInPermits=2", "RateLimits:SignInWindow=01:00:00");
        await server.WaitUntilReadyAsync();
        using var browser = Support.Accounts.Browser(server).Http;

        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            // Different names each time: the limit is per address, whichever account is tried.
            last = await Support.Accounts.PostLoginAsync(browser, $"nobody-{i}", "not a password at all");
            answers.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
        Assert.NotNull(last!.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }
}
