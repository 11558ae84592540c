using System.Net;
using System.Net.Http.Json;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Apis;

public sealed class DevicesApiTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ServerHost _server = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _server = await ServerHost.StartAsync(_db.ConnectionString);
        await _server.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Create_KnownSenior_ReturnsConnectionStringWhoseKeyIsStored()
    {
        var senior = await AddSeniorAsync();

        using var response = await _server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "watch-42" });
        var body = await response.Content.ReadFromJsonAsync<Created>();
        var connection = DeviceConnectionString.Parse(body!.ConnectionString);
        var stored = await _server.Services.GetRequiredService<DeviceRegistry>().FindAsync("watch-42");

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
        using var response = await _server.Http.PostAsync("api/devices",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_DuplicateDeviceId_Answers409()
    {
        var senior = await AddSeniorAsync();
        using var first = await _server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "twin" });

        using var second = await _server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "twin" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    private async Task<SeniorRecord> AddSeniorAsync()
    {
        var directory = _server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = await directory.AddBureauAsync("Bureau", "Asia/Shanghai");
        return await directory.AddSeniorAsync(bureau.Id, "Test Senior", "Asia/Shanghai");
    }

    private sealed record Created(string DeviceId, Guid SeniorId, string ConnectionString);
}
