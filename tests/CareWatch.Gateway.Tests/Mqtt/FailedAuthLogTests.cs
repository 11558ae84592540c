using CareWatch.Gateway.Mqtt;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>A gateway whose every log entry, down to Trace, is kept.</summary>
public sealed class LoggedGatewayHost : GatewayHost
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureLogging(ILoggingBuilder logging) =>
        logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
}

public sealed class FailedAuthLogTests(LoggedGatewayHost host) : IClassFixture<LoggedGatewayHost>
{
    [Fact]
    public async Task Connect_FailedAuthentications_LoggedWithoutTokensSignaturesOrKeys()
    {
        var device = await host.CreateDeviceAsync();
        var guessedKey = DeviceConnectionString.NewKey();
        var wrongKey = DeviceClient.Token(device, TimeSpan.FromHours(1), key: guessedKey);
        var expired = DeviceClient.Token(device, TimeSpan.FromHours(-1));
        var good = DeviceClient.Token(device, TimeSpan.FromHours(1));
        using var client = new MqttClientFactory().CreateMqttClient();

        foreach (var password in new[] { wrongKey, expired })
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword,
                (await client.ConnectAsync(DeviceClient.Options(host, device.DeviceId, password))).ResultCode);
        // A good token sent with a user name for another device: refused before the token is checked.
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await client.ConnectAsync(
            DeviceClient.Options(host, device.DeviceId, good, userName: $"{GatewayHost.HostName}/other/"))).ResultCode);

        var refusals = host.Logs.Of<DeviceAuthenticator>();
        Assert.Contains(refusals, e => e.Message.Contains(device.DeviceId) && e.Message.Contains("sas-badsignature"));
        Assert.Contains(refusals, e => e.Message.Contains("sas-expired"));
        string[] secrets = [wrongKey, expired, good, Signature(wrongKey), Signature(expired), Signature(good),
            Uri.UnescapeDataString(Signature(wrongKey)), guessedKey, device.PrimaryKey, device.SecondaryKey];
        var everything = host.Logs.Entries.Select(e => e.Message + e.Exception).ToList();
        foreach (var secret in secrets)
            Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal));
    }

    private static string Signature(string token)
    {
        var start = token.IndexOf("&sig=", StringComparison.Ordinal) + 5;
        return token[start..token.IndexOf('&', start)];
    }
}
