using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Monitoring;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Apis;

/// <summary>Bureau B's integration against bureau A's data, through the real server: nothing found, nothing changed.</summary>
public sealed class CrossBureauTests : ServerTest
{
    [Theory]
    [InlineData("GET", "api/devices/{0}")]
    [InlineData("GET", "api/devices/{0}/twin")]
    [InlineData("DELETE", "api/devices/{0}")]
    [InlineData("POST", "api/devices/{0}/disable")]
    [InlineData("POST", "api/devices/{0}/enable")]
    [InlineData("POST", "api/devices/{0}/keys/primary/regenerate")]
    [InlineData("PUT", "api/devices/{0}/senior")]
    [InlineData("POST", "api/devices/{0}/methods/areYouOk")]
    [InlineData("POST", "api/devices/{0}/messages")]
    [InlineData("PATCH", "api/devices/{0}/twin/desired")]
    public async Task DeviceRoute_OtherBureausWatch_Answers404AndChangesNothing(string method, string path)
    {
        var a = await Arrange.SeniorAsync(Server, "Anna");
        var watch = await Arrange.WatchAsync(Server, a.Id);
        var b = await Arrange.SeniorInNewBureauAsync(Server, "Bai");
        var bureauB = await Server.ClientForBureauAsync(b.BureauId);
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(path, watch.DeviceId))
        {
            Content = method is "GET" or "DELETE" ? null
                : JsonContent.Create(path.EndsWith("senior") ? new { seniorId = b.Id } : (object)new { body = new { }, a = 1 }),
        };

        using var response = await bureauB.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var stored = await Server.Services.GetRequiredService<DeviceRegistry>().FindForGatewayAsync(watch.DeviceId);
        var key = Protocol.DeviceConnectionString.Parse(watch.ConnectionString).SharedAccessKey;
        Assert.Equal((true, (Guid?)a.Id, key), (stored!.Enabled, stored.SeniorId, stored.PrimaryKey));
    }

    [Fact]
    public async Task Lists_OtherBureau_ContainNothingOfBureauA()
    {
        var a = await Arrange.SeniorAsync(Server, "Anna");
        await Arrange.WatchAsync(Server, a.Id);
        await new SeniorAlertsFor(Server, a.Id).RaiseAsync(AlertKinds.Sos, null, "SOS pressed.");
        var b = await Arrange.SeniorInNewBureauAsync(Server, "Bai");
        var bureauB = await Server.ClientForBureauAsync(b.BureauId);

        var seniors = await bureauB.GetFromJsonAsync<JsonElement>("api/seniors");
        var devices = await bureauB.GetFromJsonAsync<JsonElement>("api/devices");
        var alerts = await bureauB.GetFromJsonAsync<JsonElement>("api/alerts");
        var ofA = await bureauB.GetFromJsonAsync<JsonElement>($"api/devices?seniorId={a.Id}");

        Assert.Equal([b.Id], seniors.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal(0, devices.GetArrayLength());
        Assert.Equal(0, alerts.GetArrayLength());
        Assert.Equal(0, ofA.GetArrayLength());
        // The same lists as bureau A's integration do show A's rows: the answers above are not empty by accident.
        Assert.Equal(1, (await Server.Http.GetFromJsonAsync<JsonElement>("api/alerts")).GetArrayLength());
        Assert.Equal(1, (await Server.Http.GetFromJsonAsync<JsonElement>("api/devices")).GetArrayLength());
    }

    [Fact]
    public async Task CreateAndAssign_OtherBureausSenior_Answer400LikeAnUnknownSenior()
    {
        var a = await Arrange.SeniorAsync(Server, "Anna");
        var watch = await Arrange.WatchAsync(Server, a.Id);
        var b = await Arrange.SeniorInNewBureauAsync(Server, "Bai");

        using var create = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = b.Id, deviceId = "w-foreign" });
        using var assign = await Server.Http.PutAsJsonAsync($"api/devices/{watch.DeviceId}/senior", new { seniorId = b.Id });
        using var unknown = await Server.Http.PutAsJsonAsync($"api/devices/{watch.DeviceId}/senior", new { seniorId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, assign.StatusCode);
        Assert.Equal(WithoutTraceId(await unknown.Content.ReadAsStringAsync()), WithoutTraceId(await assign.Content.ReadAsStringAsync()));
        Assert.Null(await Server.Services.GetRequiredService<DeviceRegistry>().FindForGatewayAsync("w-foreign"));
    }

    [Fact]
    public async Task Create_NewWatch_BelongsToTheCallersBureau()
    {
        var b = await Arrange.SeniorInNewBureauAsync(Server, "Bai");
        var watch = await Arrange.WatchAsync(Server, b.Id);

        var bureau = await Db.ScalarAsync<Guid>("SELECT bureau_id FROM devices WHERE device_id = @d", ("d", watch.DeviceId));

        Assert.Equal(b.BureauId, bureau);
        using var fromA = await Server.Http.GetAsync($"api/devices/{watch.DeviceId}");
        Assert.Equal(HttpStatusCode.NotFound, fromA.StatusCode);
    }

    // Every problem names its own request's trace; the rest must be the same answer.
    private static string WithoutTraceId(string problem) =>
        System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");
}
