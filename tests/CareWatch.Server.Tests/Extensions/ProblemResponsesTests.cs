using System.Net;
using System.Text;
using System.Text.Json;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Extensions;

public sealed class ProblemResponsesTests : IAsyncLifetime
{
    private const string Secret = "secret-detail-of-the-failure";
    private TestDatabase _db = null!;
    private ServerHost _server = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        // A real throw inside the real pipeline: a terminal middleware after the endpoints.
        _server = await ServerHost.StartAsync(
            _db.ConnectionString, s => s.AddTransient<IStartupFilter, ThrowingPath>());
        await _server.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task UnknownRoute_Answers404Problem() =>
        await AssertProblemAsync(await _server.Http.GetAsync("api/no-such-area"), HttpStatusCode.NotFound);

    [Fact]
    public async Task WrongMethod_Answers405Problem() =>
        await AssertProblemAsync(await _server.Http.DeleteAsync("api/devices"), HttpStatusCode.MethodNotAllowed);

    [Fact]
    public async Task BodyNotJson_Answers400Problem() =>
        await AssertProblemAsync(await _server.Http.PostAsync("api/devices",
            new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Throw_Answers500ProblemWithoutStackTrace()
    {
        var body = await AssertProblemAsync(
            await _server.Http.GetAsync(ThrowingPath.Path), HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(nameof(ThrowingPath), body);
        Assert.DoesNotContain(" at ", body);
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)expected, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            return body;
        }
    }

    private sealed class ThrowingPath : IStartupFilter
    {
        public const string Path = "/api/test/throw"; // under /api: a page path would be sent to HTTPS first

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, b => b.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
