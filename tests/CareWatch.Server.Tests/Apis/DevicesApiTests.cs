using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Server.Apis;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

public sealed class DevicesApiTests : ServerTest
{
    [Fact]
    public async Task Create_KnownSenior_ReturnsConnectionStringWhoseKeyIsStored()
    {
        var senior = await AddSeniorAsync();

        using var response = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "watch-42" });
        var body = await response.Content.ReadFromJsonAsync<Created>();
        var connection = DeviceConnectionString.Parse(body!.ConnectionString);
        var stored = await Server.Services.GetRequiredService<DeviceRegistry>().FindForGatewayAsync("watch-42");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("localhost", "watch-42"), (connection.HostName, connection.DeviceId));
        Assert.Equal(stored!.PrimaryKey, connection.SharedAccessKey);
        Assert.Equal(senior.Id, stored.SeniorId);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"seniorId\":\"7b0e7d4c-0000-0000-0000-000000000000\"}")]
    [InlineData("{\"seniorId\":null,\"deviceId\":\"bad id with spaces\"}")]
    public async Task Create_InvalidRequest_Answers400(string json)
    {
        using var response = await Server.Http.PostAsync("api/devices",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_DuplicateDeviceId_Answers409()
    {
        var senior = await AddSeniorAsync();
        using var first = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "twin" });

        using var second = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "twin" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListAndGet_AfterTelemetry_ShowStatusFromLatestMessageAndMinute()
    {
        var senior = await AddSeniorAsync();
        var created = await CreateAsync(senior.Id, "w-status");
        var other = await CreateAsync((await AddSeniorAsync()).Id, "w-other");
        await using (var watch = ConnectWatch(created.ConnectionString))
        {
            var minute = ThisMinute().AddMinutes(-3);
            await watch.SendAsync([new MinuteSummary(minute, 50, 2, true), new MinuteSummary(minute.AddMinutes(1), 0, 0, false)], null);
        }

        var list = await Server.Http.GetFromJsonAsync<List<DeviceView>>($"api/devices?seniorId={senior.Id}");
        var all = await Server.Http.GetFromJsonAsync<List<DeviceView>>("api/devices");
        var one = await Server.Http.GetFromJsonAsync<DeviceView>("api/devices/w-status");

        Assert.Equal(["w-status"], list!.Select(d => d.DeviceId));
        Assert.Equal(["w-other", "w-status"], all!.Select(d => d.DeviceId));
        Assert.Equal((senior.Id, true, false), (one!.SeniorId, one.Enabled, one.Worn));
        Assert.NotNull(one.Battery);
        Assert.NotNull(one.LastSeenAt);
        Assert.NotNull(one.LastConnectedAt);
        Assert.Null(one.FirmwareVersion);
        Assert.Equal("w-other", other.DeviceId);
    }

    [Fact]
    public async Task Get_AfterNewerThenOlderMinutes_LastMinuteAtIsNewestStoredMinute()
    {
        var created = await CreateAsync((await AddSeniorAsync()).Id, "w-history");
        var silent = await CreateAsync((await AddSeniorAsync()).Id, "w-silent");
        var newest = ThisMinute().AddMinutes(-5);
        await using (var watch = ConnectWatch(created.ConnectionString))
        {
            await watch.SendAsync([new MinuteSummary(newest.AddMinutes(-1), 40, 1, true), new MinuteSummary(newest, 0, 0, true)], null);
            // A replayed buffer arriving late must not move the mark back: it says how far the history goes.
            await watch.SendAsync([new MinuteSummary(newest.AddHours(-2), 12, 0, true)], null);
        }

        using var one = JsonDocument.Parse(await Server.Http.GetStringAsync("api/devices/w-history"));
        using var none = JsonDocument.Parse(await Server.Http.GetStringAsync($"api/devices/{silent.DeviceId}"));
        using var list = JsonDocument.Parse(await Server.Http.GetStringAsync("api/devices"));

        Assert.Equal(newest, one.RootElement.GetProperty("lastMinuteAt").GetDateTime());
        Assert.Equal(DateTimeKind.Utc, one.RootElement.GetProperty("lastMinuteAt").GetDateTime().Kind);
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("lastMinuteAt").ValueKind);
        Assert.Equal(newest, list.RootElement.EnumerateArray()
            .Single(d => d.GetProperty("deviceId").GetString() == "w-history").GetProperty("lastMinuteAt").GetDateTime());
    }

    [Fact]
    public async Task Get_UnknownDevice_Answers404Problem()
    {
        using var response = await Server.Http.GetAsync("api/devices/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_ConnectedWatch_ConnectedTrue()
    {
        var created = await CreateAsync((await AddSeniorAsync()).Id, "w-live");
        await using var watch = ConnectWatch(created.ConnectionString);
        await watch.SendAsync([new MinuteSummary(ThisMinute().AddMinutes(-1), 5, 0, true)], null);

        var one = await Server.Http.GetFromJsonAsync<DeviceView>("api/devices/w-live");

        Assert.True(one!.Connected);
        Assert.True(one.Worn);
    }

    [Fact]
    public async Task Disable_ThenEnable_FlagFollowsAndUnknownIs404()
    {
        await CreateAsync((await AddSeniorAsync()).Id, "w-toggle");

        using var disabled = await Server.Http.PostAsync("api/devices/w-toggle/disable", null);
        var afterDisable = await disabled.Content.ReadFromJsonAsync<DeviceView>();
        using var enabled = await Server.Http.PostAsync("api/devices/w-toggle/enable", null);
        var afterEnable = await enabled.Content.ReadFromJsonAsync<DeviceView>();
        using var unknown = await Server.Http.PostAsync("api/devices/nope/disable", null);

        Assert.False(afterDisable!.Enabled);
        Assert.True(afterEnable!.Enabled);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Delete_Existing_Answers204ThenGone()
    {
        await CreateAsync((await AddSeniorAsync()).Id, "w-del");

        using var deleted = await Server.Http.DeleteAsync("api/devices/w-del");
        using var again = await Server.Http.DeleteAsync("api/devices/w-del");
        using var get = await Server.Http.GetAsync("api/devices/w-del");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task RegenerateKey_Primary_NewPrimaryOldSecondaryKept()
    {
        await CreateAsync((await AddSeniorAsync()).Id, "w-keys");
        var before = await Server.Services.GetRequiredService<DeviceRegistry>().FindForGatewayAsync("w-keys");

        using var response = await Server.Http.PostAsync("api/devices/w-keys/keys/primary/regenerate", null);
        var keys = await response.Content.ReadFromJsonAsync<DeviceKeysView>();
        using var bad = await Server.Http.PostAsync("api/devices/w-keys/keys/tertiary/regenerate", null);
        using var unknown = await Server.Http.PostAsync("api/devices/nope/keys/secondary/regenerate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before!.PrimaryKey, keys!.PrimaryKey);
        Assert.Equal(before.SecondaryKey, keys.SecondaryKey);
        Assert.Equal(keys.PrimaryKey, DeviceConnectionString.Parse(keys.PrimaryConnectionString).SharedAccessKey);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task RegenerateKey_WatchOnOtherKeyKeepsConnectingDuringRotation()
    {
        await CreateAsync((await AddSeniorAsync()).Id, "w-rot");
        using var response = await Server.Http.PostAsync("api/devices/w-rot/keys/primary/regenerate", null);
        var keys = await response.Content.ReadFromJsonAsync<DeviceKeysView>();

        await using var onSecondary = ConnectWatch(keys!.SecondaryConnectionString);
        await onSecondary.SendAsync([new MinuteSummary(ThisMinute().AddMinutes(-1), 5, 0, true)], null);
        await using var onNewPrimary = ConnectWatch(keys.PrimaryConnectionString);
        await onNewPrimary.SendAsync([new MinuteSummary(ThisMinute().AddMinutes(-2), 5, 0, true)], null);

        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM minute_activity WHERE device_id = 'w-rot'"));
    }

    [Fact]
    public async Task Assign_MoveToOtherSenior_StoredAndUnknownSenior400()
    {
        await CreateAsync((await AddSeniorAsync()).Id, "w-move");
        var newSenior = await AddSeniorAsync();

        using var moved = await Server.Http.PutAsJsonAsync("api/devices/w-move/senior", new { seniorId = newSenior.Id });
        var view = await moved.Content.ReadFromJsonAsync<DeviceView>();
        using var bad = await Server.Http.PutAsJsonAsync("api/devices/w-move/senior", new { seniorId = Guid.NewGuid() });
        using var unknown = await Server.Http.PutAsJsonAsync("api/devices/nope/senior", new { seniorId = newSenior.Id });

        Assert.Equal(newSenior.Id, view!.SeniorId);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesRegistryEndpoints()
    {
        var document = await Server.Http.GetStringAsync("openapi/v1.json");

        foreach (var id in new[] { "ListDevices", "GetDevice", "DeleteDevice", "DisableDevice", "EnableDevice", "RegenerateDeviceKey",
                     "AssignDevice", "InvokeDeviceMethod", "SendCloudToDeviceMessage", "GetDeviceTwin", "PatchDesiredProperties" })
            Assert.Contains($"\"{id}\"", document);
    }

    private async Task<SeniorRecord> AddSeniorAsync()
    {
        var directory = Server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = new { Id = await Server.TestBureauAsync() }; // the bureau its Http client opens
        return await directory.AddSeniorAsync(bureau.Id, "Test Senior", "Asia/Shanghai");
    }

    private async Task<Created> CreateAsync(Guid seniorId, string deviceId)
    {
        using var response = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId, deviceId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!;
    }

    private SimulatedWatch ConnectWatch(string connectionString) =>
        new(connectionString, new SimulatedWatchOptions { MqttHost = "127.0.0.1", MqttPort = Server.MqttPort, CaFile = Server.CaCertificatePath });

    private static DateTime ThisMinute()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    private sealed record Created(string DeviceId, Guid SeniorId, string ConnectionString);
}
