using System.Runtime.CompilerServices;
using Azure.Messaging.EventHubs;
using CareWatch.Gateway.Hub;
using CareWatch.Gateway.Tests.Support;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareWatch.Gateway.Tests.Hub;

/// <summary>Azure IoT Hub mode offline: events shaped as the hub writes them, through the real pipeline into PostgreSQL.</summary>
public sealed class HubIngestionTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private HubTelemetryIngestor Ingestor => host.Services.GetRequiredService<HubTelemetryIngestor>();

    [Fact]
    public async Task Ingest_ValidThenSame_StoredOnceThenDuplicate()
    {
        var device = await host.CreateDeviceAsync();
        var message = HubEventMapper.Map(HubEvents.Telemetry(device.DeviceId, Batches.Minutes(1, 4), 1), out _)!;

        var first = await Ingestor.IngestAsync(message, CancellationToken.None);
        var again = await Ingestor.IngestAsync(message, CancellationToken.None);

        Assert.Equal((HubIngestOutcome.Accepted, HubIngestOutcome.Duplicate), (first, again));
        Assert.Equal(4, await host.CountAsync("minute_activity", device.DeviceId));
    }

    [Fact]
    public async Task Ingest_ResendOfFastWatchCorrectedByAnotherMinute_Duplicate()
    {
        // A watch 90 s fast sends a message, loses the acknowledgement and resends it, re-stamping "sent". The first
        // copy measures 89 s (moved by one minute), the resend 91 s (moved by two): still the same message.
        var device = await host.CreateDeviceAsync();
        var firstArrival = Batches.ThisMinute().AddMinutes(-20);
        var resendArrival = firstArrival.AddMinutes(5);
        var batch = Batches.Minutes(7, 3, end: firstArrival.AddMinutes(-2));
        var first = HubEvents.Telemetry(device.DeviceId, batch with { SentAt = firstArrival.AddSeconds(89) }, 1,
            enqueuedAt: firstArrival);
        var resend = HubEvents.Telemetry(device.DeviceId, batch with { SentAt = resendArrival.AddSeconds(91) }, 2,
            enqueuedAt: resendArrival);

        var outcomes = (await Ingestor.IngestAsync(HubEventMapper.Map(first, out _)!, CancellationToken.None),
            await Ingestor.IngestAsync(HubEventMapper.Map(resend, out _)!, CancellationToken.None));

        Assert.Equal((HubIngestOutcome.Accepted, HubIngestOutcome.Duplicate), outcomes);
        Assert.Equal(3, await host.CountAsync("minute_activity", device.DeviceId));
    }

    [Fact]
    public async Task Ingest_WatchClockTenMinutesAheadReadLater_CorrectedAgainstHubArrivalNotReadTime()
    {
        // Sent by a watch ten minutes fast, enqueued by the hub at once, read by us an hour later (a backlog):
        // the clock error is measured against the hub's arrival time, so the minutes land on true time.
        var device = await host.CreateDeviceAsync();
        var arrived = Batches.ThisMinute().AddHours(-1);
        var batch = Batches.Minutes(1, 5, end: arrived.AddMinutes(10)) with { SentAt = arrived.AddMinutes(10) };
        var correctedBefore = host.Metrics.ClockCorrected;

        var outcome = await Ingestor.IngestAsync(HubEventMapper.Map(HubEvents.Telemetry(device.DeviceId, batch, 1, enqueuedAt: arrived), out _)!,
            CancellationToken.None);

        Assert.Equal(HubIngestOutcome.Accepted, outcome);
        var newest = await host.Database.ScalarAsync<DateTime>("SELECT max(minute) FROM minute_activity WHERE device_id = @d", ("d", device.DeviceId));
        Assert.Equal(arrived, DateTime.SpecifyKind(newest, DateTimeKind.Utc));
        Assert.Equal(correctedBefore + 1, host.Metrics.ClockCorrected);
    }

    [Fact]
    public async Task Ingest_InvalidOrUnknown_SkippedAndCounted()
    {
        var device = await host.CreateDeviceAsync();
        var rejectedBefore = host.Metrics.Rejected(RejectReason.Malformed);
        var unknownBefore = host.Metrics.RefusedConnections("unknown-device");

        var invalid = await Ingestor.IngestAsync(HubEventMapper.Map(HubEvents.Raw(device.DeviceId, "{"u8.ToArray(), 1), out _)!, CancellationToken.None);
        var unknown = await Ingestor.IngestAsync(HubEventMapper.Map(HubEvents.Telemetry("not-registered", Batches.Minutes(1, 1), 2), out _)!, CancellationToken.None);

        Assert.Equal((HubIngestOutcome.Rejected, HubIngestOutcome.Refused), (invalid, unknown));
        Assert.Equal(rejectedBefore + 1, host.Metrics.Rejected(RejectReason.Malformed));
        Assert.Equal(unknownBefore + 1, host.Metrics.RefusedConnections("unknown-device"));
        Assert.Equal(0, await host.CountAsync("device_messages", device.DeviceId));
    }

    [Fact]
    public async Task Pump_StoreFailsOnce_ResumesFromCheckpointAndStoresEverything()
    {
        var device = await host.CreateDeviceAsync();
        var partition = "p-" + Guid.NewGuid().ToString("N")[..8];
        var events = Enumerable.Range(1, 5).Select(i => HubEvents.Telemetry(device.DeviceId, Batches.Minutes(i, 1, Batches.ThisMinute().AddMinutes(-10 + i)), i)).ToList();
        var failOnce = 1;
        var handled = new List<long>();
        var pump = Pump(partition, ReaderOver(events), async (m, ct) =>
        {
            var seq = TelemetryJson.TryParse(m.Payload.Span, out _)!.Seq;
            if (seq == 3 && Interlocked.Exchange(ref failOnce, 0) == 1) throw new TelemetryNotStoredExceptionForTest();
            handled.Add(seq);
            await Ingestor.IngestAsync(m, ct);
        });
        var failuresBefore = host.Metrics.HubReadFailures;

        await pump.RunAsync(CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4, 5], handled);
        Assert.Equal(failuresBefore + 1, host.Metrics.HubReadFailures);
        Assert.Equal(5, await host.CountAsync("device_messages", device.DeviceId));
        Assert.Equal(5L, await Checkpoints.GetAsync("$Default", partition));
    }

    [Fact]
    public async Task Pump_HubUnreachableFirst_RetriesAndSkipsEventsWithoutDevice()
    {
        var device = await host.CreateDeviceAsync();
        var partition = "p-" + Guid.NewGuid().ToString("N")[..8];
        var events = new List<EventData> { HubEvents.Telemetry(null, Batches.Minutes(1, 1), 7), HubEvents.Telemetry(device.DeviceId, Batches.Minutes(1, 2), 8) };
        var calls = 0;
        PartitionReader reader = (id, after, ct) =>
            Interlocked.Increment(ref calls) == 1 ? Throwing(ct) : ReaderOver(events)(id, after, ct);
        var noDeviceBefore = host.Metrics.RefusedConnections("no-device-id");

        await Pump(partition, reader, Ingestor.IngestAsync).RunAsync(CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(noDeviceBefore + 1, host.Metrics.RefusedConnections("no-device-id"));
        Assert.Equal(2, await host.CountAsync("minute_activity", device.DeviceId));
        Assert.Equal(8L, await Checkpoints.GetAsync("$Default", partition));
    }

    private HubCheckpointStore Checkpoints => host.Services.GetRequiredService<HubCheckpointStore>();

    private PartitionPump Pump(string partition, PartitionReader reader, Func<HubMessage, CancellationToken, Task> handle) =>
        new("$Default", partition, reader, handle, Checkpoints, host.Metrics,
            new IotHubOptions { CheckpointEvery = 1, MaxRetryDelay = TimeSpan.FromSeconds(1) }, NullLogger.Instance);

    // Like the hub: events after the checkpoint, in sequence order.
    private static PartitionReader ReaderOver(IReadOnlyList<EventData> events) => (_, after, ct) => Items(events.Where(e => after is null || e.SequenceNumber > after), ct);

    private static async IAsyncEnumerable<EventData?> Items(IEnumerable<EventData> events, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return e;
        }
    }

    private static async IAsyncEnumerable<EventData?> Throwing([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        throw new EventHubsException(true, "hub", "simulated: endpoint unreachable", EventHubsException.FailureReason.ServiceCommunicationProblem);
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }

    private sealed class TelemetryNotStoredExceptionForTest() : Exception("simulated: database unavailable");
}
