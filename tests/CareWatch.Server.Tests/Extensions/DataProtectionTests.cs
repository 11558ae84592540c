using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Server.Apis;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>Device keys encrypted with Data Protection, its key ring in PostgreSQL, keys shown once.</summary>
public sealed class DataProtectionTests : ServerTest
{
    [Fact]
    public async Task CreateDevice_ThroughApi_NoColumnHoldsTheReturnedKeyAndTheWatchConnects()
    {
        var watch = await Arrange.WatchAsync(Server, (await Arrange.SeniorAsync(Server, "Test Senior")).Id);
        var key = DeviceConnectionString.Parse(watch.ConnectionString).SharedAccessKey;

        await SendOneMinuteAsync(Server, watch.ConnectionString);

        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM devices WHERE primary_key IS NOT NULL OR secondary_key IS NOT NULL
               OR strpos(primary_key_protected, @k) > 0 OR strpos(secondary_key_protected, @k) > 0
            """, ("k", key)));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            """
            SELECT count(*) FROM devices
            WHERE primary_key_protected IS NOT NULL AND secondary_key_protected IS NOT NULL
            """));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM minute_activity WHERE device_id = @d", ("d", watch.DeviceId)));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%' AND xml LIKE '<key %'"));
    }

    [Fact]
    public async Task SecondNode_SameDatabase_AuthenticatesTheWatchWithTheSharedRing()
    {
        var watch = await Arrange.WatchAsync(Server, (await Arrange.SeniorAsync(Server, "Test Senior")).Id);
        var key = DeviceConnectionString.Parse(watch.ConnectionString).SharedAccessKey;
        var stored = await Db.ScalarAsync<string>(
            "SELECT primary_key_protected FROM devices WHERE device_id = @d", ("d", watch.DeviceId));

        await using var second = await ServerHost.StartAsync(Db.ConnectionString);
        await second.WaitUntilReadyAsync();
        await SendOneMinuteAsync(second, watch.ConnectionString);

        Assert.Equal(key, second.Services.GetRequiredService<IDeviceKeyProtector>().Unprotect(stored));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM minute_activity WHERE device_id = @d", ("d", watch.DeviceId)));
        // The second node found the first node's key and made none of its own.
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
    }

    [Fact]
    public async Task GetEndpoints_AfterCreateAndRegenerate_NoAnswerContainsAKey()
    {
        var senior = await Arrange.SeniorAsync(Server, "Test Senior");
        var watch = await Arrange.WatchAsync(Server, senior.Id);
        using var regenerated = await Server.Http.PostAsync(
            $"api/devices/{watch.DeviceId}/keys/secondary/regenerate", null);
        var keys = await regenerated.Content.ReadFromJsonAsync<DeviceKeysView>();
        string[] secrets =
        [
            keys!.PrimaryKey, keys.SecondaryKey,
            await Db.ScalarAsync<string>("SELECT primary_key_protected FROM devices"),
            await Db.ScalarAsync<string>("SELECT secondary_key_protected FROM devices"),
        ];

        var answers = new Dictionary<string, (HttpStatusCode Status, string Body)>();
        foreach (var path in GetPaths(watch.DeviceId, senior.Id))
        {
            using var response = await Server.Http.GetAsync(path.TrimStart('/'));
            answers[path] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(DeviceConnectionString.Parse(watch.ConnectionString).SharedAccessKey, keys.PrimaryKey);
        // Not vacuous: the registry's own GETs answered, and with this watch.
        Assert.Contains(watch.DeviceId, answers["/api/devices"].Body);
        Assert.Equal(HttpStatusCode.OK, answers[$"/api/devices/{watch.DeviceId}"].Status);
        Assert.Equal(HttpStatusCode.OK, answers[$"/api/devices/{watch.DeviceId}/twin"].Status);
        Assert.Contains("RegenerateDeviceKey", answers["/openapi/v1.json"].Body);
        var leaks = answers.Where(a => secrets.Any(s => a.Value.Body.Contains(s, StringComparison.Ordinal)))
            .Select(a => a.Key).ToList();
        Assert.Empty(leaks);
    }

    // Every GET route the app maps (from its own endpoint data source), with the arranged ids in its parameters,
    // so a GET added later is checked too.
    private List<string> GetPaths(string deviceId, Guid seniorId)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["deviceId"] = deviceId, ["seniorId"] = seniorId.ToString(), ["id"] = seniorId.ToString(),
            ["documentName"] = "v1",
        };
        var paths = new List<string> { $"/api/devices?seniorId={seniorId}" };
        var endpoints = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains(HttpMethods.Get)) continue;
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern.Contains("{*") || pattern.StartsWith("/$iothub", StringComparison.Ordinal)) continue;
            var path = Regex.Replace("/" + pattern.TrimStart('/'), @"\{(\w+)(:[^}]*)?\??\}",
                m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "x");
            if (path.Length > 1) path = path.TrimEnd('/');
            if (!paths.Contains(path)) paths.Add(path);
        }
        return paths;
    }

    internal static async Task SendOneMinuteAsync(ServerHost server, string connectionString)
    {
        await using var watch = new SimulatedWatch(connectionString, new SimulatedWatchOptions
        {
            MqttHost = "127.0.0.1", MqttPort = server.MqttPort, CaFile = server.CaCertificatePath,
        });
        // Acknowledged only after commit: the row is there when this returns.
        await watch.SendAsync([new MinuteSummary(Arrange.MinutesAgo(1), 5, 0, true)], null);
    }
}
