using System.Net.Http.Json;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareWatch.Server.Tests.Gateway;

/// <summary>MQTT over WebSockets at /$iothub/websocket, plain (HTTP port) and TLS (Http:HttpsPort), into the same pipeline.</summary>
public sealed class WebSocketTransportTests : ServerTest
{
    private readonly int _httpsPort = FreePort.Next();
    protected override string[] Settings => [$"Http:HttpsPort={_httpsPort}"];

    [Theory]
    [InlineData(TestWatchClient.Transport.WebSocket)]
    [InlineData(TestWatchClient.Transport.SecureWebSocket)]
    public async Task Publish_OverWebSocket_StoredBeforePubAck(TestWatchClient.Transport transport)
    {
        var deviceId = $"ws-{transport}".ToLowerInvariant();
        var connectionString = await RegisterAsync(deviceId);
        using var client = await TestWatchClient.ConnectAsync(Server, connectionString, transport, _httpsPort);
        var minute = ThisMinute().AddMinutes(-1);
        var payload = TelemetryJson.Serialize(new TelemetryBatch(1, 77, false, [new MinuteSummary(minute, 12, 1, true)], []));

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(IotHubTopics.Telemetry(deviceId, [new("schema", TelemetryLimits.Schema)]))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        Assert.True(result.IsSuccess);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM minute_activity WHERE device_id = @d", ("d", deviceId)));
    }

    [Fact]
    public async Task Connect_OverWebSocketWithBadToken_Refused()
    {
        var connectionString = await RegisterAsync("ws-bad");
        var forged = DeviceConnectionString.Parse(connectionString) with { SharedAccessKey = DeviceConnectionString.NewKey() };

        await Assert.ThrowsAnyAsync<Exception>(() =>
            TestWatchClient.ConnectAsync(Server, forged.ToString(), TestWatchClient.Transport.WebSocket));
    }

    private async Task<string> RegisterAsync(string deviceId)
    {
        var directory = Server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = new { Id = await Server.TestBureauAsync() }; // the bureau its Http client opens
        var senior = await directory.AddSeniorAsync(bureau.Id, "Senior", "Europe/Berlin");
        using var response = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>())!.ConnectionString;
    }

    private static DateTime ThisMinute()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    private sealed record Registered(string DeviceId, string ConnectionString);
}
