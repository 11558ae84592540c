using System.Net;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Extensions;

public sealed class HostFilteringTests : ServerTest
{
    protected override string[] Settings => ["Gateway:HostName=hub.carewatch.test"];

    [Fact]
    public async Task Request_ForeignHostHeader_Answers400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/seniors");
        request.Headers.Host = "attacker.example";
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("hub.carewatch.test")] // the gateway's host name, which watches on WebSockets send
    public async Task Request_LoopbackOrGatewayHost_Answers(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/seniors");
        request.Headers.Host = host;
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
