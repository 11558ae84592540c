using System.Net;
using System.Net.Http.Json;
using CareWatch.Protocol;
using CareWatch.Server.Apis;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Compat;

/// <summary>
/// The official Azure IoT Node.js device SDK (azure-iot-device + azure-iot-device-mqtt, pinned in
/// tests/compat/package-lock.json) against the real server: connection string, telemetry, direct method,
/// twin read and reported property — over MQTT/TLS and over MQTT/WebSockets (wss).
/// </summary>
public sealed class NodeSdkCompatTests : ServerTest
{
    private readonly int _httpsPort = FreePort.Next();
    // The SDK signs its token for, and connects to, the connection string's host name: localhost.
    protected override string[] Settings => ["Gateway:HostName=localhost", $"Http:HttpsPort={_httpsPort}"];

    [Theory]
    [InlineData("mqtt")]
    [InlineData("mqttws")]
    public async Task NodeSdkDevice_TelemetryMethodTwin_AllWork(string transport)
    {
        var deviceId = "node-" + transport;
        var created = await RegisterAsync(deviceId);
        var minute = ThisMinute().AddMinutes(-2);
        var telemetry = System.Text.Encoding.UTF8.GetString(TelemetryJson.Serialize(
            new TelemetryBatch(1, 64, false, [new MinuteSummary(minute, 120, 8, true), new MinuteSummary(minute.AddMinutes(1), 3, 0, true)], [])));
        var port = transport == "mqtt" ? Server.MqttPort : _httpsPort;

        await using var device = NodeDevice.Start(created.ConnectionString, transport, port, telemetry, Server.CaCertificatePath);
        var twin = await device.WaitForStepAsync("twin");
        await device.WaitForStepAsync("ready");
        var answer = await InvokeUntilSubscribedAsync(deviceId);
        var methodSeen = await device.WaitForStepAsync("method");
        var exit = await device.StopAsync();

        Assert.Equal(1, twin.GetProperty("desiredVersion").GetInt32());
        Assert.Equal(200, answer.Status);
        Assert.Equal("ok", answer.Payload!.Value.GetProperty("pressed").GetString());
        Assert.Equal("seconds", methodSeen.GetProperty("payload").EnumerateObject().Single().Name);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM minute_activity WHERE device_id = @d", ("d", deviceId)));
        Assert.Equal(64, await Db.ScalarAsync<int>("SELECT battery FROM devices WHERE device_id = @d", ("d", deviceId)));
        Assert.Equal("node-sdk", await Db.ScalarAsync<string>(
            "SELECT reported->>'firmwareVersion' FROM device_twins WHERE device_id = @d", ("d", deviceId)));
        Assert.Equal(0, exit);
    }

    // The SDK subscribes to methods in the background after onDeviceMethod; until it has, the gateway
    // rightly answers 409 (not subscribed). Retry only that, and only for a while.
    private async Task<MethodResultView> InvokeUntilSubscribedAsync(string deviceId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await Server.Http.PostAsJsonAsync($"api/devices/{deviceId}/methods/areYouOk",
                new { payload = new { seconds = 30 }, timeoutSeconds = 20 }, cts.Token);
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (await response.Content.ReadFromJsonAsync<MethodResultView>(cts.Token))!;
            }
            await Task.Delay(100, cts.Token);
        }
    }

    private async Task<CreatedDevice> RegisterAsync(string deviceId)
    {
        var directory = Server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = new { Id = await Server.TestBureauAsync() }; // the bureau its Http client opens
        var senior = await directory.AddSeniorAsync(bureau.Id, "Senior", "Europe/Berlin");
        using var response = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedDevice>())!;
    }

    private static DateTime ThisMinute()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }
}
