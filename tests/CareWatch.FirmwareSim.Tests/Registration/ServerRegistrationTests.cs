using System.Net;
using System.Text;
using CareWatch.FirmwareSim.Registration;

namespace CareWatch.FirmwareSim.Tests.Registration;

public sealed class ServerRegistrationTests
{
    private static readonly Guid Senior = Guid.Parse("11111111-1111-1111-1111-111111111111");

    private sealed class StubServer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return Task.FromResult(answer(request));
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task RegisterWatchesAsync_TwoSeniors_OneDevicePerSeniorWithTimeZone()
    {
        var stub = new StubServer(r => r.Method == HttpMethod.Get
            ? Json(HttpStatusCode.OK, $$"""[{"id":"{{Senior}}","displayName":"Ann","bureauId":"{{Guid.Empty}}","timeZone":"Europe/Amsterdam"},{"id":"{{Guid.Empty}}","displayName":"Bob","bureauId":"{{Guid.Empty}}"}]""")
            : Json(HttpStatusCode.Created, $$"""{"deviceId":"watch-1","seniorId":"{{Senior}}","connectionString":"HostName=localhost;DeviceId=watch-1;SharedAccessKey=AAAA"}"""));
        using var http = new HttpClient(stub) { BaseAddress = new Uri("http://carewatch.test/") };

        var watches = await new ServerRegistration(http).RegisterWatchesAsync(null, null, CancellationToken.None);

        Assert.Equal(2, watches.Count);
        Assert.Equal("Europe/Amsterdam", watches[0].Senior.TimeZone);
        Assert.Equal(["GET /api/seniors", "POST /api/devices", "POST /api/devices"], stub.Requests);
    }

    [Fact]
    public async Task RegisterWatchesAsync_ServerError_ExceptionNamesStatusAndCall()
    {
        var stub = new StubServer(_ => Json(HttpStatusCode.InternalServerError, """{"title":"boom"}"""));
        using var http = new HttpClient(stub) { BaseAddress = new Uri("http://carewatch.test/") };

        var ex = await Assert.ThrowsAsync<RegistrationException>(() => new ServerRegistration(http).RegisterWatchesAsync(null, null, CancellationToken.None));

        Assert.Contains("GET api/seniors failed: 500", ex.Message);
    }

    [Fact]
    public async Task RegisterWatchesAsync_NoSeniors_ClearError()
    {
        var stub = new StubServer(_ => Json(HttpStatusCode.OK, "[]"));
        using var http = new HttpClient(stub) { BaseAddress = new Uri("http://carewatch.test/") };

        var ex = await Assert.ThrowsAsync<RegistrationException>(() => new ServerRegistration(http).RegisterWatchesAsync(3, null, CancellationToken.None));

        Assert.Contains("no seniors", ex.Message);
    }
}
