using CareWatch.Protocol;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Privacy;

/// <summary>
/// De-duplication rows go once no acceptable resend can match them, and not before: every resend the gateway would
/// still accept (validated after clock correction, as <c>TelemetryIngestor</c> does) is still taken for a duplicate.
/// </summary>
public sealed class DeduplicationRetentionTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Cutoff = Now - DeduplicationRetention.Window;

    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;
    private TelemetryWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("Replay bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Replayed Senior", "Europe/Berlin");
        var registry = new DeviceRegistry(_db.DataSource, TimeProvider.System, new MarkedDeviceKeys());
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), "watch-r", _senior.Id);
        _writer = new TelemetryWriter(_db.DataSource);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task PruneAsync_RowOlderThanWindow_DeletedRowJustInsideKept()
    {
        await _writer.WriteAsync([
            Received(Batch(1, Cutoff.AddMinutes(-2)), Cutoff.AddMinutes(-1)),
            Received(Batch(2, Cutoff), Cutoff.AddMinutes(1)),
        ]);

        var deleted = await new DeduplicationRetention(_db.DataSource).PruneAsync(Cutoff);

        Assert.Equal(1L, deleted);
        Assert.Equal([2L], await StoredSeqsAsync());
    }

    [Fact]
    public async Task PruneAsync_Rerun_DeletesNothingMore()
    {
        await _writer.WriteAsync([Received(Batch(1, Cutoff.AddHours(-3)), Cutoff.AddHours(-3))]);
        var retention = new DeduplicationRetention(_db.DataSource);
        await retention.PruneAsync(Cutoff);

        Assert.Equal(0L, await retention.PruneAsync(Cutoff));
        Assert.Empty(await StoredSeqsAsync());
    }

    [Fact]
    public async Task PruneAsync_ResendOfMessageJustInsideMaxAge_StillDuplicate()
    {
        var minute = Now - TelemetryLimits.MaxAge + TimeSpan.FromMinutes(1);
        var batch = Batch(7, minute);
        await _writer.WriteAsync([Received(batch, minute.AddMinutes(1))]);
        Assert.True(TelemetryValidator.Validate(batch, Now).IsValid);

        await new DeduplicationRetention(_db.DataSource).PruneAsync(Cutoff);
        var resend = await _writer.WriteAsync([Received(batch, Now)]);

        Assert.False(resend.IsNew[0]);
    }

    [Fact]
    public async Task PruneAsync_ResendCorrectedByTheOppositeClockError_StillDuplicate()
    {
        // The worst accepted case: the first copy from a watch almost a week ahead, the resend three weeks later
        // from the same watch now almost a week behind. Corrected, the resend's minute is just inside MaxAge.
        var error = TelemetryLimits.MaxAge - TimeSpan.FromMinutes(2);
        var firstArrival = Now - TimeSpan.FromDays(21) + TimeSpan.FromHours(1);
        var sent = Batch(9, firstArrival + error) with { SentAt = firstArrival + error };
        var first = ClockCorrection.Apply(sent, new DateTimeOffset(firstArrival));
        Assert.True(TelemetryValidator.Validate(first, firstArrival).IsValid);
        await _writer.WriteAsync([Received(first, firstArrival, sent)]);

        var resent = sent with { SentAt = Now - error };
        var second = ClockCorrection.Apply(resent, new DateTimeOffset(Now));
        Assert.True(TelemetryValidator.Validate(second, Now).IsValid);
        await new DeduplicationRetention(_db.DataSource).PruneAsync(Cutoff);
        var result = await _writer.WriteAsync([Received(second, Now, resent)]);

        Assert.False(result.IsNew[0]);
    }

    private static TelemetryBatch Batch(long seq, DateTime minute) =>
        new(seq, 80, false, [new MinuteSummary(minute, 12, 1, true)], []);

    // The digest is taken from the batch as the watch sent it, before clock correction (as the gateway does).
    private IncomingTelemetry Received(TelemetryBatch batch, DateTime receivedAt, TelemetryBatch? sent = null) =>
        new("watch-r", _senior.Id, batch, receivedAt, Digest: sent is null ? null : TelemetryDigest.Of(sent));

    private async Task<List<long>> StoredSeqsAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT seq FROM device_messages ORDER BY seq");
        var seqs = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) seqs.Add(reader.GetInt64(0));
        return seqs;
    }
}
