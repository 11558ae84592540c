using System.Net;
using System.Text;
using System.Text.Json;
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

    // Ann is Senior, Bob is Guid.Empty; the server lists Ann first.
    private static readonly string TwoSeniors = JsonSerializer.Serialize(new[]
    {
        new { id = Senior, displayName = "Ann", bureauId = Guid.Empty },
        new { id = Guid.Empty, displayName = "Bob", bureauId = Guid.Empty },
    });

    private static HttpResponseMessage Device(string deviceId, Guid seniorId, string? lastMinuteAt = null) =>
        Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { deviceId, seniorId, enabled = true, lastMinuteAt }));

    private static StoredWatch Stored(Guid senior, string deviceId) =>
        new(senior, deviceId, $"HostName=localhost;DeviceId={deviceId};SharedAccessKey=AAAA");

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
    public async Task RegisterWatchesAsync_StoredWatchesStillHers_ReusedWithTheirLastMinuteAndNothingRegistered()
    {
        var stub = new StubServer(r => r.RequestUri!.AbsolutePath switch
        {
            "/api/seniors" => Json(HttpStatusCode.OK, TwoSeniors),
            "/api/devices/w-ann" => Device("w-ann", Senior, lastMinuteAt: "2026-03-02T05:59:00Z"),
            "/api/devices/w-bob" => Device("w-bob", Guid.Empty),
            _ => Json(HttpStatusCode.NotFound, "{}"),
        });
        using var http = new HttpClient(stub) { BaseAddress = new Uri("http://carewatch.test/") };

        var watches = await new ServerRegistration(http).RegisterWatchesAsync(null,
            [Stored(Guid.Empty, "w-bob"), Stored(Senior, "w-ann")], null, CancellationToken.None);

        Assert.Equal(["w-ann", "w-bob"], watches.Select(w => w.Device.DeviceId));
        Assert.Equal(new DateTime(2026, 3, 2, 5, 59, 0, DateTimeKind.Utc), watches[0].LastMinuteAt);
        Assert.Equal(DateTimeKind.Utc, watches[0].LastMinuteAt!.Value.Kind);
        Assert.Null(watches[1].LastMinuteAt);
        Assert.Equal(Stored(Senior, "w-ann").ConnectionString, watches[0].Device.ConnectionString);
        Assert.DoesNotContain("POST /api/devices", stub.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RegisterWatchesAsync_StoredWatchGoneOrNowSomeoneElses_OneNewWatchForHerOnly(bool gone)
    {
        var stub = new StubServer(r => (r.Method.Method, r.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/api/seniors") => Json(HttpStatusCode.OK, TwoSeniors),
            ("GET", "/api/devices/w-ann") => gone ? Json(HttpStatusCode.NotFound, "{}") : Device("w-ann", Guid.Empty),
            ("GET", "/api/devices/w-bob") => Device("w-bob", Guid.Empty),
            ("POST", "/api/devices") => Json(HttpStatusCode.Created, JsonSerializer.Serialize(new
            {
                deviceId = "w-new", seniorId = Senior, connectionString = Stored(Senior, "w-new").ConnectionString,
            })),
            _ => Json(HttpStatusCode.NotFound, "{}"),
        });
        using var http = new HttpClient(stub) { BaseAddress = new Uri("http://carewatch.test/") };

        var watches = await new ServerRegistration(http).RegisterWatchesAsync(null,
            [Stored(Senior, "w-ann"), Stored(Guid.Empty, "w-bob")], null, CancellationToken.None);

        Assert.Equal(["w-new", "w-bob"], watches.Select(w => w.Device.DeviceId));
        Assert.Single(stub.Requests, "POST /api/devices");
        Assert.Null(watches[0].LastMinuteAt);
    }

    [Fact]
    public async Task RegisterWatchesAsync_ReusedGoneAndNew_LogNamesSeniorIdsNeverTheirNames()
    {
        var stub = new StubServer(r => (r.Method.Method, r.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/api/seniors") => Json(HttpStatusCode.OK, TwoSeniors),
            ("GET", "/api/devices/w-ann") => Json(HttpStatusCode.NotFound, "{}"),
            ("GET", "/api/devices/w-bob") => Device("w-bob", Guid.Empty),
            ("POST", "/api/devices") => Json(HttpStatusCode.Created, JsonSerializer.Serialize(new
            {
                deviceId = "w-new", seniorId = Senior, connectionString = Stored(Senior, "w-new").ConnectionString,
            })),
            _ => Json(HttpStatusCode.NotFound, "{}"),
        });
        using var http = new HttpClient(stub) { BaseAddress = new Uri("http://carewatch.test/") };
        var log = new List<string>();

        await new ServerRegistration(http).RegisterWatchesAsync(null,
            [Stored(Senior, "w-ann"), Stored(Guid.Empty, "w-bob")], log.Add, CancellationToken.None);

        Assert.Equal(3, log.Count); // w-ann gone, w-new registered, w-bob reused
        Assert.All(log, line => Assert.DoesNotContain("Ann", line));
        Assert.All(log, line => Assert.DoesNotContain("Bob", line));
        Assert.Contains(log, line => line.Contains(Senior.ToString()));
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
