using System.Text;
using CareWatch.Gateway.Cloud;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Cloud;

public sealed class DeviceMethodsTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private IDeviceMethods Methods => host.Services.GetRequiredService<IDeviceMethods>();

    [Fact]
    public async Task Invoke_DeviceAnswers_ReturnsItsStatusAndPayload()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var seen = new TaskCompletionSource<(string Topic, string Payload)>();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var topic = e.ApplicationMessage.Topic;
            seen.TrySetResult((topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            var rid = IotHubCloudTopics.RequestId(topic);
            await client.PublishStringAsync($"$iothub/methods/res/200/?$rid={rid}", """{"answer":"ok"}""");
        };
        await client.SubscribeAsync("$iothub/methods/POST/#");

        var result = await Methods.InvokeAsync(device.DeviceId, "areYouOk", """{"prompt":"Are you OK?"}""", TimeSpan.FromSeconds(10));
        var request = await seen.Task;

        Assert.Equal(DirectMethodOutcome.Completed, result.Outcome);
        Assert.Equal(200, result.Status);
        Assert.Equal("""{"answer":"ok"}""", result.PayloadJson);
        Assert.StartsWith("$iothub/methods/POST/areYouOk/?$rid=", request.Topic);
        Assert.Equal("""{"prompt":"Are you OK?"}""", request.Payload);
    }

    [Fact]
    public async Task Invoke_DeviceNotConnected_Offline()
    {
        var device = await host.CreateDeviceAsync();

        var result = await Methods.InvokeAsync(device.DeviceId, "areYouOk", null, TimeSpan.FromSeconds(5));

        Assert.Equal(DirectMethodOutcome.Offline, result.Outcome);
    }

    [Fact]
    public async Task Invoke_ConnectedButNotSubscribed_Offline()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);

        var result = await Methods.InvokeAsync(device.DeviceId, "areYouOk", null, TimeSpan.FromSeconds(5));

        Assert.Equal(DirectMethodOutcome.Offline, result.Outcome);
    }

    [Fact]
    public async Task Invoke_DeviceSilent_TimesOut()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        await client.SubscribeAsync("$iothub/methods/POST/#");

        var result = await Methods.InvokeAsync(device.DeviceId, "areYouOk", null, TimeSpan.FromMilliseconds(300));

        Assert.Equal(DirectMethodOutcome.Timeout, result.Outcome);
    }

    [Fact]
    public async Task Invoke_OtherDevicesSubscribed_OnlyTargetReceivesRequest()
    {
        var target = await host.CreateDeviceAsync();
        var bystander = await host.CreateDeviceAsync();
        using var targetClient = await DeviceClient.ConnectAsync(host, target);
        using var bystanderClient = await DeviceClient.ConnectAsync(host, bystander);
        var bystanderGot = 0;
        bystanderClient.ApplicationMessageReceivedAsync += _ => { Interlocked.Increment(ref bystanderGot); return Task.CompletedTask; };
        await bystanderClient.SubscribeAsync("$iothub/methods/POST/#");
        targetClient.ApplicationMessageReceivedAsync += e =>
            targetClient.PublishStringAsync($"$iothub/methods/res/201/?$rid={IotHubCloudTopics.RequestId(e.ApplicationMessage.Topic)}", "");
        await targetClient.SubscribeAsync("$iothub/methods/POST/#");

        var result = await Methods.InvokeAsync(target.DeviceId, "buzz", null, TimeSpan.FromSeconds(10));
        // A round trip on the bystander's own connection: anything sent to it before has arrived by then.
        await bystanderClient.PingAsync();

        Assert.Equal((DirectMethodOutcome.Completed, 201), (result.Outcome, result.Status));
        Assert.Equal(0, bystanderGot);
    }

    [Fact]
    public async Task CloudToDevice_Subscribed_ArrivesWithPropertyBag()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var inbox = await Inbox.SubscribeAsync(client, $"devices/{device.DeviceId}/messages/devicebound/#");
        var c2d = host.Services.GetRequiredService<ICloudToDeviceMessages>();

        var id = await c2d.SendAsync(device.DeviceId, Encoding.UTF8.GetBytes("""{"vibrate":3}"""), new Dictionary<string, string> { ["kind"] = "prompt" });
        var message = await inbox.NextAsync();

        Assert.NotNull(id);
        Assert.StartsWith($"devices/{device.DeviceId}/messages/devicebound/", message.Topic);
        var bag = PropertyBag.Decode(message.Topic[$"devices/{device.DeviceId}/messages/devicebound/".Length..]);
        Assert.Equal(("prompt", id), (bag["kind"], bag["$.mid"]));
        Assert.Equal("""{"vibrate":3}""", Inbox.Text(message));
    }
}
