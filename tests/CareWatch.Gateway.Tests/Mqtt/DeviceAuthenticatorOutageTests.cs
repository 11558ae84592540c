using System.Diagnostics;
using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using Xunit.Abstractions;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>Watches connecting while PostgreSQL is stopped or hung: each gets a CONNACK "server unavailable".</summary>
public sealed class DeviceAuthenticatorOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly OutageGatewayHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Connect_DatabaseStopped_RefusedServerUnavailableThenAcceptedWhenItIsBack()
    {
        var device = await _host.CreateDeviceAsync();

        await _host.Cluster.StopAsync();
        var v311 = await ConnectAsync(device, MqttProtocolVersion.V311);
        var v5 = await ConnectAsync(device, MqttProtocolVersion.V500);
        await _host.Cluster.StartAgainAsync();
        var accepted = await ConnectUntilAcceptedAsync(device);

        // MQTT 3.1.1 return code 3 and MQTT 5 reason 0x88 both read as ServerUnavailable.
        Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, v311.Result);
        Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, v5.Result);
        Assert.Equal(MqttClientConnectResultCode.Success, accepted);
    }

    [Fact]
    public async Task Connect_DatabaseFrozen_RefusedServerUnavailableWithinTheRegistryTimeout()
    {
        var device = await _host.CreateDeviceAsync();

        (MqttClientConnectResultCode Result, TimeSpan Took) frozen;
        await using (await _host.Cluster.FreezeAsync())
            frozen = await ConnectAsync(device, MqttProtocolVersion.V311);
        var accepted = await ConnectUntilAcceptedAsync(device);

        output.WriteLine($"CONNACK after {frozen.Took.TotalSeconds:0.00} s");
        Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, frozen.Result);
        // The registry timeout is 5 s; the bound leaves room for a loaded 2-core machine. Before it, the lookup
        // waited on the hung server and the connection was closed after 30 s without any CONNACK.
        Assert.True(frozen.Took < TimeSpan.FromSeconds(12), $"CONNACK took {frozen.Took.TotalSeconds:0.0} s");
        Assert.Equal(MqttClientConnectResultCode.Success, accepted);
    }

    [Fact]
    public async Task Connect_RepeatedlyWhileDatabaseStopped_LogsEachFailureOnce()
    {
        var devices = new List<DeviceCredentials>();
        for (var i = 0; i < 4; i++) devices.Add(await _host.CreateDeviceAsync());

        await _host.Cluster.StopAsync();
        var results = new List<MqttClientConnectResultCode>();
        foreach (var device in devices.Concat(devices))
            results.Add((await ConnectAsync(device, MqttProtocolVersion.V311)).Result);
        await _host.Cluster.StartAgainAsync();

        Assert.All(results, r => Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, r));
        var warnings = _host.Logs.Of<DeviceAuthenticator>().Where(e => e.Level == LogLevel.Warning).ToList();
        // The pooled connection may first report the shutdown (57P01), then every attempt is refused alike: each
        // distinct failure is logged once with its stack trace, the repeats only counted.
        Assert.All(warnings, w => Assert.NotNull(w.Exception));
        Assert.All(warnings.GroupBy(w => w.Exception!.GetBaseException().Message), g => Assert.Single(g));
        Assert.InRange(warnings.Count, 1, 2);
    }

    private async Task<(MqttClientConnectResultCode Result, TimeSpan Took)> ConnectAsync(
        DeviceCredentials device, MqttProtocolVersion version)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var token = DeviceClient.Token(device, TimeSpan.FromHours(1));
        var options = DeviceClient.Options(_host, device.DeviceId, token, version);
        // Longer than the gateway could ever take, so that a missing CONNACK shows as a slow answer.
        options.Timeout = TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        var result = await client.ConnectAsync(options);
        var took = watch.Elapsed;
        if (client.IsConnected) await client.DisconnectAsync();
        return (result.ResultCode, took);
    }

    // Right after a restart the pool may still hand out a connection to the old server process once.
    private async Task<MqttClientConnectResultCode> ConnectUntilAcceptedAsync(DeviceCredentials device)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var (result, _) = await ConnectAsync(device, MqttProtocolVersion.V311);
            if (result != MqttClientConnectResultCode.ServerUnavailable || deadline.Elapsed > TimeSpan.FromSeconds(30))
                return result;
            await Task.Delay(200);
        }
    }
}
