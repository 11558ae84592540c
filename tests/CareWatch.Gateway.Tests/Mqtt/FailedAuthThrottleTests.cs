using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Configuration;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway on a fake clock that lets one address fail 10 times, then once a minute.</summary>
public sealed class ThrottledGatewayHost : FakeClockGatewayHost
{
    protected override void Configure(IConfiguration configuration)
    {
        configuration["Gateway:FailedAuthBurst"] = "10";
        configuration["Gateway:FailedAuthPerMinute"] = "1";
    }
}

public sealed class FailedAuthThrottleTests(ThrottledGatewayHost host) : IClassFixture<ThrottledGatewayHost>
{
    [Fact]
    public async Task Connect_FiftyWrongSignaturesFromOneAddress_LaterOnesRefusedUncheckedGoodDeviceAfterWindow()
    {
        var device = await host.CreateDeviceAsync();
        var attacked = await host.CreateDeviceAsync();
        var (checkedBefore, throttledBefore) = (BadSignatures, Throttled);
        using var client = new MqttClientFactory().CreateMqttClient();
        var results = new List<MqttClientConnectResultCode>();

        for (var i = 0; i < 50; i++)
        {
            var guess = Token(attacked, DeviceConnectionString.NewKey());
            results.Add((await client.ConnectAsync(DeviceClient.Options(host, attacked.DeviceId, guess))).ResultCode);
        }
        var goodWhileBlocked = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, Token(device)));
        // The window passes: ten minutes give back ten failures' worth.
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var goodAfterwards = await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, Token(device)));

        Assert.All(results.Take(10), r => Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, r));
        Assert.All(results.Skip(10), r => Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, r));
        // Only the first ten signatures were checked; the other 40 (and the good device meanwhile) were not.
        Assert.Equal(checkedBefore + 10, BadSignatures);
        Assert.Equal(throttledBefore + 41, Throttled);
        Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, goodWhileBlocked.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.Success, goodAfterwards.ResultCode);
    }

    private long BadSignatures => host.Metrics.RefusedConnections("sas-badsignature");

    private long Throttled => host.Metrics.RefusedConnections("auth-throttled");

    private string Token(DeviceCredentials device, string? key = null) =>
        SasToken.Create(SasToken.DeviceResource(GatewayHost.HostName, device.DeviceId), key ?? device.PrimaryKey,
            host.Clock.GetUtcNow().AddHours(1));
}
