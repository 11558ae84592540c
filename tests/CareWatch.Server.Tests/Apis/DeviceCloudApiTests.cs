using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareWatch.Protocol;
using CareWatch.Server.Apis;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareWatch.Server.Tests.Apis;

public sealed class DeviceCloudApiTests : ServerTest
{
    [Fact]
    public async Task InvokeMethod_WatchAnswers_Returns200WithItsAnswer()
    {
        var cs = await RegisterAsync("m-ok");
        using var client = await TestWatchClient.ConnectAsync(Server, cs);
        client.ApplicationMessageReceivedAsync += e => client.PublishStringAsync(
            $"$iothub/methods/res/200/?$rid={IotHubCloudTopics.RequestId(e.ApplicationMessage.Topic)}",
            "{\"pressed\":\"ok\",\"echo\":" + Encoding.UTF8.GetString(e.ApplicationMessage.Payload) + "}");
        await client.SubscribeAsync("$iothub/methods/POST/#");

        using var response = await Server.Http.PostAsJsonAsync("api/devices/m-ok/methods/areYouOk", new { payload = new { seconds = 30 }, timeoutSeconds = 10 });
        var body = await response.Content.ReadFromJsonAsync<MethodResultView>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body!.Status);
        Assert.Equal("ok", body.Payload!.Value.GetProperty("pressed").GetString());
        Assert.Equal(30, body.Payload.Value.GetProperty("echo").GetProperty("seconds").GetInt32());
    }

    [Fact]
    public async Task InvokeMethod_Errors_409Offline504Timeout404Unknown400BadInput()
    {
        await RegisterAsync("m-off");
        var cs = await RegisterAsync("m-silent");
        using var silent = await TestWatchClient.ConnectAsync(Server, cs);
        await silent.SubscribeAsync("$iothub/methods/POST/#");

        using var offline = await Server.Http.PostAsJsonAsync("api/devices/m-off/methods/areYouOk", new { });
        using var timeout = await Server.Http.PostAsJsonAsync("api/devices/m-silent/methods/areYouOk", new { timeoutSeconds = 1 });
        using var unknown = await Server.Http.PostAsJsonAsync("api/devices/nope/methods/areYouOk", new { });
        using var badTimeout = await Server.Http.PostAsJsonAsync("api/devices/m-off/methods/areYouOk", new { timeoutSeconds = 0 });

        Assert.Equal(HttpStatusCode.Conflict, offline.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, timeout.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTimeout.StatusCode);
    }

    [Fact]
    public async Task SendMessage_SubscribedWatch_Receives202ThenMessage()
    {
        var cs = await RegisterAsync("c2d");
        using var client = await TestWatchClient.ConnectAsync(Server, cs);
        var received = new TaskCompletionSource<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += e => { received.TrySetResult(e.ApplicationMessage); return Task.CompletedTask; };
        await client.SubscribeAsync("devices/c2d/messages/devicebound/#");

        using var response = await Server.Http.PostAsJsonAsync("api/devices/c2d/messages", new { body = new { buzz = 2 }, properties = new { kind = "prompt" } });
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var offline = await Server.Http.PostAsJsonAsync("api/devices/nope/messages", new { body = 1 });
        using var noBody = await Server.Http.PostAsJsonAsync("api/devices/c2d/messages", new { });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("{\"buzz\":2}", Encoding.UTF8.GetString(message.Payload));
        Assert.Contains("kind=prompt", message.Topic);
        Assert.Equal(HttpStatusCode.NotFound, offline.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
    }

    [Fact]
    public async Task Twin_DesiredPatchPushedAndReportedFirmwareShowsInStatus()
    {
        var cs = await RegisterAsync("tw");
        using var client = await TestWatchClient.ConnectAsync(Server, cs);
        var desired = new TaskCompletionSource<MqttApplicationMessage>();
        var twinAnswer = new TaskCompletionSource<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.StartsWith("$iothub/twin/PATCH/properties/desired/")) desired.TrySetResult(e.ApplicationMessage);
            else twinAnswer.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await client.SubscribeAsync("$iothub/twin/PATCH/properties/desired/#");
        await client.SubscribeAsync("$iothub/twin/res/#");

        using var patch = await Server.Http.PatchAsync("api/devices/tw/twin/desired",
            new StringContent("""{"batchMinutes":5}""", Encoding.UTF8, "application/json"));
        var pushed = await desired.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.PublishStringAsync("$iothub/twin/PATCH/properties/reported/?$rid=1", """{"firmwareVersion":"3.1.0"}""");
        await twinAnswer.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var twin = JsonNode.Parse(await Server.Http.GetStringAsync("api/devices/tw/twin"))!;
        var status = await Server.Http.GetFromJsonAsync<DeviceView>("api/devices/tw");
        using var badPatch = await Server.Http.PatchAsync("api/devices/tw/twin/desired", new StringContent("[1]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("$iothub/twin/PATCH/properties/desired/?$version=2", pushed.Topic);
        Assert.Equal(5, (int)twin["desired"]!["batchMinutes"]!);
        Assert.Equal("3.1.0", (string)twin["reported"]!["firmwareVersion"]!);
        Assert.Equal("3.1.0", status!.FirmwareVersion);
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
    }

    private async Task<string> RegisterAsync(string deviceId)
    {
        var directory = Server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = new { Id = await Server.TestBureauAsync() }; // the bureau its Http client opens
        var senior = await directory.AddSeniorAsync(bureau.Id, "Senior", "Europe/Berlin");
        using var response = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionString").GetString()!;
    }
}
