using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using CareWatch.Storage;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Mqtt;

/// <summary>
/// The list of bad input, each against a watch that already has a stored message: refused with
/// an IoT Hub–like reason, counted, and the earlier message still there afterwards.
/// </summary>
public sealed class BadInputTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    public static TheoryData<string, byte[]> MalformedPackets => new()
    {
        { "garbage", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        { "publish-before-connect", [0x30, 0x07, 0x00, 0x01, (byte)'a', (byte)'x', (byte)'y', (byte)'z', 0x00] },
        { "connect-bad-protocol-name", [0x10, 0x0E, 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'X', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x02, (byte)'w', (byte)'1'] },
        { "connect-truncated", [0x10, 0xC8, 0x01, 0x00, 0x04, (byte)'M', (byte)'Q'] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public async Task MalformedPacket_RawBytesOverTls_ClosedCountedOthersUnaffected(string name, byte[] bytes)
    {
        var (device, client) = await StoredFirstMessageAsync();
        var before = host.Metrics.RefusedConnections("protocol-error");

        await SendRawAsync(bytes);

        await Eventually.TrueAsync(() => host.Metrics.RefusedConnections("protocol-error") > before, $"{name} counted");
        var next = await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(2, 1)));
        Assert.True(next.IsSuccess);
        Assert.Equal(2, await host.CountAsync("device_messages", device.DeviceId));
        client.Dispose();
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "wrong-key", "sas-badsignature" },
        { "forged-signature", "sas-badsignature" },
        { "expired", "sas-expired" },
        { "other-device", "sas-wrongresource" },
        { "not-a-token", "sas-malformed" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Connect_BadSasToken_RefusedBadUserNameOrPasswordCounted(string kind, string reason)
    {
        var (device, client) = await StoredFirstMessageAsync();
        var token = kind switch
        {
            "wrong-key" => DeviceClient.Token(device, TimeSpan.FromHours(1), key: DeviceConnectionString.NewKey()),
            "forged-signature" => ForgedSignature(DeviceClient.Token(device, TimeSpan.FromHours(1))),
            "expired" => DeviceClient.Token(device, TimeSpan.FromHours(-1)),
            "other-device" => DeviceClient.Token(device, TimeSpan.FromHours(1), forDevice: "someone-else"),
            _ => "password123",
        };
        var before = host.Metrics.RefusedConnections(reason);
        using var intruder = new MqttClientFactory().CreateMqttClient();

        var refused = await intruder.ConnectAsync(DeviceClient.Options(host, device.DeviceId, token));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        Assert.Equal(before + 1, host.Metrics.RefusedConnections(reason));
        // The refused connection did not take over the watch's own session.
        Assert.True(client.IsConnected);
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
        client.Dispose();
    }

    public static TheoryData<string, RejectReason> BadPayloads()
    {
        var now = Batches.ThisMinute();
        string Minute(DateTime t, int move = 5, int steps = 1) =>
            $$"""{"seq":9,"battery":50,"charging":false,"minutes":[{"t":"{{t:O}}","move":{{move}},"steps":{{steps}},"worn":true}]}""";
        return new()
        {
            { "{\"seq\":9,", RejectReason.Malformed },
            { "[]", RejectReason.Malformed },
            { "{\"seq\":9,\"battery\":50}", RejectReason.Malformed },
            { Minute(now.AddMinutes(-5), move: -1), RejectReason.OutOfRange },
            { Minute(now.AddMinutes(-5), steps: 5000), RejectReason.OutOfRange },
            { Minute(now.AddDays(2)), RejectReason.BadTimestamp },
            { Minute(now.AddDays(-30)), RejectReason.BadTimestamp },
            { Minute(now.AddMinutes(-5).AddSeconds(17)), RejectReason.BadTimestamp },
        };
    }

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task Publish_BadPayload_AckedCountedNotStoredEarlierKept(string json, RejectReason reason)
    {
        var (device, client) = await StoredFirstMessageAsync();
        var before = host.Metrics.Rejected(reason);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, Encoding.UTF8.GetBytes(json));

        Assert.True(result.IsSuccess);
        Assert.True(client.IsConnected);
        Assert.Equal(before + 1, host.Metrics.Rejected(reason));
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
        Assert.Equal(3, await host.CountAsync("minute_activity", device.DeviceId));
        client.Dispose();
    }

    [Fact]
    public async Task Publish_OverV1Limit_AckedAsTooLargeEarlierKept()
    {
        var (device, client) = await StoredFirstMessageAsync();
        var before = host.Metrics.Rejected(RejectReason.TooLarge);

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, new byte[TelemetryLimits.MaxPayloadBytes + 1]);

        Assert.True(result.IsSuccess);
        Assert.Equal(before + 1, host.Metrics.Rejected(RejectReason.TooLarge));
        Assert.Equal(1, await host.CountAsync("device_messages", device.DeviceId));
        client.Dispose();
    }

    [Fact]
    public async Task Publish_StoredSeqWithOtherValuesForStoredMinutes_AckedFirstValuesKeptAndCounted()
    {
        var device = await host.CreateDeviceAsync();
        using var client = await DeviceClient.ConnectAsync(host, device);
        var first = Batches.Minutes(1, 3);
        Assert.True((await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(first))).IsSuccess);
        var (accepted, alreadyStored) = (host.Metrics.Accepted, host.Metrics.MinutesAlreadyStored);
        // Same seq, same minutes, other values: not a resend (that repeats the values), so a new message.
        var otherValues = first with { Minutes = first.Minutes.Select(m => m with { Movement = 9999 }).ToList() };

        var result = await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(otherValues));

        Assert.True(result.IsSuccess);
        Assert.Equal(accepted + 1, host.Metrics.Accepted);
        Assert.Equal(alreadyStored + 3, host.Metrics.MinutesAlreadyStored);
        Assert.Equal(0, await host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM minute_activity WHERE device_id = @d AND movement = 9999", ("d", device.DeviceId)));
        Assert.Equal(3, await host.CountAsync("minute_activity", device.DeviceId));
    }

    private async Task<(DeviceCredentials, IMqttClient)> StoredFirstMessageAsync()
    {
        var device = await host.CreateDeviceAsync();
        var client = await DeviceClient.ConnectAsync(host, device);
        Assert.True((await DeviceClient.PublishAsync(client, device.DeviceId, Batches.Payload(Batches.Minutes(1, 3)))).IsSuccess);
        return (device, client);
    }

    // Same resource and expiry, signature of random bytes: what an attacker without the key can make.
    private static string ForgedSignature(string token)
    {
        var fake = Uri.EscapeDataString(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var sigStart = token.IndexOf("&sig=", StringComparison.Ordinal) + 5;
        var sigEnd = token.IndexOf('&', sigStart);
        return token[..sigStart] + fake + token[sigEnd..];
    }

    private async Task SendRawAsync(byte[] bytes)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" });
        await tls.WriteAsync(bytes);
        await tls.FlushAsync();
        // Some starts leave the gateway waiting for more bytes; it closes them after Gateway:ConnectTimeout.
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await tls.ReadAsync(buffer, cts.Token) > 0) { }
        }
        catch (IOException) { }
    }
}
