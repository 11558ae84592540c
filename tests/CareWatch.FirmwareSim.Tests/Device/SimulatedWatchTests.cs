using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Tests.Support;
using CareWatch.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.Device;

public sealed class SimulatedWatchTests
{
    // Recent enough that the watch does not drop it as older than the server accepts.
    private static readonly DateTime Minute0 =
        CareWatch.FirmwareSim.Batching.MinuteCursor.FloorToMinute(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));

    [Fact]
    public async Task ConnectAsync_ValidDevice_SpeaksIotHubConnectWithValidSasToken()
    {
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        await using var watch = new SimulatedWatch(TestWatches.Connection("w1"), TestWatches.Options(broker));

        await watch.ConnectAsync();

        var (clientId, userName, password) = Assert.Single(broker.Connects);
        Assert.Equal("w1", clientId);
        Assert.StartsWith(IotHubTopics.UserName("hub.test", "w1"), userName);
        Assert.Equal(SasCheck.Valid, SasToken.Validate(password, "hub.test", "w1", [TestWatches.Key], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task SendAsync_Connected_PublishesV1BatchOnTelemetryTopic()
    {
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        await using var watch = new SimulatedWatch(TestWatches.Connection("w1"), TestWatches.Options(broker));

        var sent = await watch.SendAsync(TestWatches.Minutes(Minute0, 5), [new DeviceEvent(Minute0, DeviceEventKind.Ok)]);

        var (topic, batch) = Assert.Single(broker.Publishes);
        Assert.True(IotHubTopics.TryParseTelemetry(topic, out var deviceId, out var properties));
        Assert.Equal("w1", deviceId);
        Assert.Equal(TelemetryLimits.Schema, properties["schema"]);
        Assert.Equal("application/json", properties["$.ct"]);
        Assert.Equal(sent.Seq, batch.Seq);
        Assert.Equal(5, batch.Minutes.Count);
        Assert.Single(batch.Events);
        Assert.Equal(0, watch.Buffer.Count);
    }

    [Fact]
    public async Task SendAsync_ConnectionDropsBeforePubAck_ResendsSameSeqUntilAcked()
    {
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        broker.DropNextPublishes(2);
        await using var watch = new SimulatedWatch(TestWatches.Connection(), TestWatches.Options(broker));

        var sent = await watch.SendAsync(TestWatches.Minutes(Minute0, 3), null);

        Assert.Equal(3, broker.Publishes.Count);
        Assert.All(broker.Publishes, p => Assert.Equal(sent.Seq, p.Batch.Seq));
        Assert.Equal(3, broker.Connects.Count);
        Assert.Equal(0, watch.Buffer.Count);
        Assert.Equal(1, watch.Acknowledged);
    }

    [Fact]
    public async Task SendAsync_GatewayDown_KeepsBatchBufferedAndSendsItFirstLater()
    {
        var port = InProcessBroker.FreePort();
        using var giveUp = new CancellationTokenSource();
        var options = TestWatches.Options(new InProcessBroker(port), log: line => { if (line.Contains("attempt")) giveUp.Cancel(); });
        await using var watch = new SimulatedWatch(TestWatches.Connection(), options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch.SendAsync(TestWatches.Minutes(Minute0, 2), null, giveUp.Token));
        Assert.Equal(1, watch.Buffer.Count);

        await using var broker = new InProcessBroker(port);
        await broker.StartAsync();
        var second = await watch.SendAsync(TestWatches.Minutes(Minute0.AddMinutes(2), 2), null);

        Assert.Equal([second.Seq - 1, second.Seq], broker.Publishes.Select(p => p.Batch.Seq));
        Assert.Equal(0, watch.Buffer.Count);
    }

    [Fact]
    public async Task SendAsync_SeveralBatches_SeqIncreasesByOneFromClockMilliseconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Minute0, TimeSpan.Zero));
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        await using var watch = new SimulatedWatch(TestWatches.Connection(), TestWatches.Options(broker, time));

        var first = await watch.SendAsync(TestWatches.Minutes(Minute0, 1), null);
        var second = await watch.SendAsync(TestWatches.Minutes(Minute0.AddMinutes(1), 1), null);

        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), first.Seq);
        Assert.Equal(first.Seq + 1, second.Seq);
    }

    [Fact]
    public async Task SendAsync_TokenNearExpiry_ReconnectsWithFreshToken()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var options = TestWatches.Options(broker, time) with { TokenTtl = TimeSpan.FromHours(1) };
        await using var watch = new SimulatedWatch(TestWatches.Connection(), options);

        await watch.ConnectAsync();
        time.Advance(TimeSpan.FromMinutes(55));
        await watch.SendAsync(TestWatches.Minutes(MinuteFloor(time), 1), null);

        Assert.Equal(2, broker.Connects.Count);
        Assert.True(SasToken.TryParse(broker.Connects.Last().Password, out var token));
        Assert.Equal((time.GetUtcNow() + TimeSpan.FromHours(1)).ToUnixTimeSeconds(), token.Expiry);
    }

    private static DateTime MinuteFloor(TimeProvider time) =>
        CareWatch.FirmwareSim.Batching.MinuteCursor.FloorToMinute(time.GetUtcNow().UtcDateTime);
}
