using System.Text.Json.Nodes;
using CareWatch.Gateway.Cloud;
using CareWatch.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareWatch.Gateway.Tests.Cloud;

public sealed class DeviceTwinsTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task TwinGet_NewDevice_AnswersEmptyTwinWithVersions()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var inbox = await Inbox.SubscribeAsync(client, "$iothub/twin/res/#");

        await client.PublishStringAsync("$iothub/twin/GET/?$rid=7", "");
        var answer = await inbox.NextAsync();

        Assert.Equal("$iothub/twin/res/200/?$rid=7", answer.Topic);
        var twin = JsonNode.Parse(Inbox.Text(answer))!;
        Assert.Equal(1, (long)twin["desired"]!["$version"]!);
        Assert.Equal(1, (long)twin["reported"]!["$version"]!);
    }

    [Fact]
    public async Task ReportedPatch_Stored_Answers204WithVersionAndGetShowsIt()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var inbox = await Inbox.SubscribeAsync(client, "$iothub/twin/res/#");

        await client.PublishStringAsync("$iothub/twin/PATCH/properties/reported/?$rid=1", """{"firmwareVersion":"2.4.1","settings":{"vibrate":true}}""");
        var patched = await inbox.NextAsync();
        await client.PublishStringAsync("$iothub/twin/PATCH/properties/reported/?$rid=2", """{"settings":{"vibrate":null}}""");
        var second = await inbox.NextAsync();
        await client.PublishStringAsync("$iothub/twin/GET/?$rid=3", "");
        var twin = JsonNode.Parse(Inbox.Text(await inbox.NextAsync()))!;

        Assert.Equal("$iothub/twin/res/204/?$rid=1&$version=2", patched.Topic);
        Assert.Equal("$iothub/twin/res/204/?$rid=2&$version=3", second.Topic);
        Assert.Equal("2.4.1", (string)twin["reported"]!["firmwareVersion"]!);
        Assert.Empty(twin["reported"]!["settings"]!.AsObject());
        Assert.Equal("2.4.1", await host.Database.ScalarAsync<string>(
            "SELECT reported->>'firmwareVersion' FROM device_twins WHERE device_id = @d", ("d", device.DeviceId)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"$version":4}""")]
    public async Task ReportedPatch_Invalid_Answers400AndStoresNothing(string body)
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var inbox = await Inbox.SubscribeAsync(client, "$iothub/twin/res/#");

        await client.PublishStringAsync("$iothub/twin/PATCH/properties/reported/?$rid=9", body);
        var answer = await inbox.NextAsync();

        Assert.Equal("$iothub/twin/res/400/?$rid=9", answer.Topic);
        Assert.True(client.IsConnected);
        Assert.Equal(0, await host.CountAsync("device_twins", device.DeviceId));
    }

    [Fact]
    public async Task UpdateDesired_ConnectedSubscriber_PushedWithVersion()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var inbox = await Inbox.SubscribeAsync(client, "$iothub/twin/PATCH/properties/desired/#");
        var twins = host.Services.GetRequiredService<IDeviceTwins>();

        var version = await twins.UpdateDesiredAsync(host.Bureau, device.DeviceId, new JsonObject { ["batchMinutes"] = 5 });
        var pushed = await inbox.NextAsync();

        Assert.Equal(2, version);
        Assert.Equal("$iothub/twin/PATCH/properties/desired/?$version=2", pushed.Topic);
        Assert.Equal(5, (int)JsonNode.Parse(Inbox.Text(pushed))!["batchMinutes"]!);
    }

    [Fact]
    public async Task UpdateDesired_UnknownDevice_ReturnsNull()
    {
        var twins = host.Services.GetRequiredService<IDeviceTwins>();

        Assert.Null(await twins.UpdateDesiredAsync(host.Bureau, "no-such-watch", new JsonObject { ["a"] = 1 }));
    }
}
