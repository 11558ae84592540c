using System.Net;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Extensions;

public sealed class RateLimitsTests : ServerTest
{
    // An hour-long window: the fourth request cannot fall into a fresh window during the test.
    protected override string[] Settings => ["RateLimits:ApiPermits=3", "RateLimits:ApiWindow=01:00:00"];

    [Fact]
    public async Task Api_OverTheLimit_Answers429ProblemWithRetryAfter()
    {
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await Server.Http.GetAsync("api/seniors");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await Server.Http.GetAsync("api/devices");
        using var health = await Server.Http.GetAsync("health/live"); // not under /api: not limited

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
