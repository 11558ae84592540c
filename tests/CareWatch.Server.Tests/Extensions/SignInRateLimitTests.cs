using System.Net;
using CareWatch.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using CareWatch.Server.Extensions;

namespace CareWatch.Server.Tests.Extensions;

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignInPolicy_OverThePerAddressLimit_Answers429WithRetryAfter()
    {
        await using var db = await TestDatabase.CreateAsync();
        // The sign-in endpoint belongs to the accounts work; a stand-in endpoint carries the real policy.
        await using var server = await ServerHost.StartAsync(db.ConnectionString,
            s => s.AddTransient<IStartupFilter, SignInStandIn>(),
            "RateLimits:SignInPermits=2", "RateLimits:SignInWindow=01:00:00");
        await server.WaitUntilReadyAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Http.PostAsync(SignInStandIn.Path, null);
            answers.Add(response.StatusCode);
            if (i == 2) Assert.NotNull(response.Headers.RetryAfter?.Delta);
        }

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests], answers);
    }

    private sealed class SignInStandIn : IStartupFilter
    {
        public const string Path = "/test/sign-in";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Reached only when no application endpoint matched: its own routing and limiter.
            app.UseRouting();
            app.UseRateLimiter();
            app.UseEndpoints(e => e.MapPost(Path, () => Results.NoContent()).RequireRateLimiting(RateLimits.SignIn));
        };
    }
}
