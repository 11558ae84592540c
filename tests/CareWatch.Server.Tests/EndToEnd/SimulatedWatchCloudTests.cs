using System.Net;
using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Server.Apis;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>The firmware simulator's cloud side against the real server: it answers "Are you OK?" and reports its firmware.</summary>
public sealed class SimulatedWatchCloudTests
{
    [Fact]
    public async Task SimulatedWatch_AnswersDirectMethodAndReportsFirmware()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var senior = await directory.AddSeniorAsync(await server.TestBureauAsync(), "S", "Europe/Berlin");
        using var created = await server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId = "sim-cloud" });
        var connection = (await created.Content.ReadFromJsonAsync<CreatedDevice>())!.ConnectionString;
        await using var watch = new SimulatedWatch(connection, new SimulatedWatchOptions
        {
            MqttHost = "127.0.0.1",
            MqttPort = server.MqttPort,
            CaFile = server.CaCertificatePath,
            FirmwareVersion = "sim-2.0",
            MethodHandler = (method, payload) => new DirectMethodAnswer(200, $$"""{"method":"{{method}}","pressed":"ok"}"""),
        });

        await watch.ConnectAsync();
        using var response = await server.Http.PostAsJsonAsync("api/devices/sim-cloud/methods/areYouOk", new { payload = new { }, timeoutSeconds = 10 });
        var answer = await response.Content.ReadFromJsonAsync<MethodResultView>();
        // The report is QoS 0 and unanswered; a telemetry round trip on the same connection orders it before our read.
        await watch.SendAsync([new MinuteSummary(ThisMinute().AddMinutes(-1), 3, 0, true)], null);
        var status = await server.Http.GetFromJsonAsync<DeviceView>("api/devices/sim-cloud");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((200, "areYouOk"), (answer!.Status, answer.Payload!.Value.GetProperty("method").GetString()));
        Assert.Equal("sim-2.0", status!.FirmwareVersion);
        Assert.True(status.Connected);
    }

    private static DateTime ThisMinute()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }
}
