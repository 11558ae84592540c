using System.Net;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Extensions;

public sealed class PlainHttpTests
{
    [Fact]
    public async Task PlainHttp_NonLoopbackBindRedirect_RedirectsToHttps()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Http:BindAddress=0.0.0.0");
        await server.WaitUntilReadyAsync();
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };

        using var response = await plain.GetAsync("health/live?x=1");
        using var secure = await server.Https.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://127.0.0.1:{server.HttpsPort}/health/live?x=1"), response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
    }

    [Fact]
    public async Task PlainHttp_NonLoopbackBindRefuse_Answers403Problem()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = await ServerHost.StartAsync(
            db.ConnectionString, "Http:BindAddress=0.0.0.0", "Http:PlainHttp=Refuse");
        await server.WaitUntilReadyAsync();

        using var response = await server.Http.GetAsync("health/live");
        using var secure = await server.Https.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
    }

    [Fact]
    public async Task PlainHttp_LoopbackBind_Served()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();

        using var plain = await server.Http.GetAsync("health/live");
        using var secure = await server.Https.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
    }

    [Fact]
    public async Task Start_NonLoopbackBindWithoutHttps_Refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            ServerHost.StartAsync(db.ConnectionString, "Http:BindAddress=0.0.0.0", "Http:HttpsPort=0"));
        Assert.Contains("Http:HttpsPort", failure.Message);
    }
}
