using CareWatch.Storage.Alerts;
using CareWatch.Storage.Notifications;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Notifications;

public sealed class OutboxStoreTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private TestDatabase _db = null!;
    private BureauRecord _bureau = null!;
    private SeniorRecord _senior = null!;
    private OutboxStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _bureau = await directory.AddBureauAsync("Outbox bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(_bureau.Id, "Outbox Senior", "Europe/Berlin");
        _store = new OutboxStore(_db.DataSource, new OutboxWakeup());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    /// <summary>Raises an SOS alert whose statement queues <paramref name="mails"/> e-mails (and the board push).</summary>
    private async Task<long> QueueMailsAsync(int mails)
    {
        var outbox = Enumerable.Range(1, mails).Select(i => new OutboxMessage(OutboxChannels.Email, $"user:{Guid.NewGuid()}",
            NotificationKinds.AlertOpen, true, $"alert:{{alert}}:test:{i}")).ToList();
        var raised = await new AlertTransitions(_db.DataSource, new OutboxWakeup()).RaiseAsync(
            new NewAlert(_senior.Id, "sos", AlertSeverity.Critical, AlertStates.Open, null, T0, "SOS pressed."),
            AlertActor.System("test"), T0, outbox);
        return raised.Alert.Id;
    }

    private Task<IReadOnlyList<OutboxItem>> ClaimMailsAsync(DateTime at, int limit = 100) =>
        _store.ClaimAsync(OutboxChannels.Email, limit, at, at + Lease);

    [Fact]
    public async Task ClaimAsync_ClaimersAtOnce_NeverGetTheSameRow()
    {
        await QueueMailsAsync(40);

        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ClaimMailsAsync(T0, 8))));
        var rest = await ClaimMailsAsync(T0);

        var ids = rounds.SelectMany(r => r).Concat(rest).Select(i => i.Id).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.All(rounds.SelectMany(r => r), i => Assert.Equal(1, i.Attempts));
        Assert.Empty(await ClaimMailsAsync(T0.AddSeconds(1))); // all leased now
    }

    [Fact]
    public async Task ClaimAsync_LeaseRunsOut_RowComesBackAndTheStaleClaimCannotRecord()
    {
        await QueueMailsAsync(1);
        var first = Assert.Single(await ClaimMailsAsync(T0));

        Assert.Empty(await ClaimMailsAsync(T0 + Lease - TimeSpan.FromSeconds(1)));
        var again = Assert.Single(await ClaimMailsAsync(T0 + Lease));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.IdempotencyKey, again.IdempotencyKey);
        Assert.Equal(2, again.Attempts);
        // The node that lost its lease finishes late: its attempt is recorded, the row stays the new claim's.
        Assert.False(await _store.RecordAsync(first, DeliveryOutcome.Sent, T0 + Lease, null));
        Assert.Equal("sending", await StatusAsync(first.Id));
        Assert.True(await _store.RecordAsync(again, DeliveryOutcome.Sent, T0 + Lease, null));
        Assert.Equal("sent", await StatusAsync(first.Id));
        Assert.Equal(2, await _db.ScalarAsync<int>(
            "SELECT count(*) FROM notification_attempts WHERE outbox_id = @id", ("id", first.Id)));
    }

    [Fact]
    public async Task RecordAsync_EachOutcome_StoredWithReasonAndAttempts()
    {
        await QueueMailsAsync(3);
        var claimed = await ClaimMailsAsync(T0);
        var at = T0.AddSeconds(2);

        Assert.True(await _store.RecordAsync(claimed[0], DeliveryOutcome.Sent, at, null));
        Assert.True(await _store.RecordAsync(claimed[1], DeliveryOutcome.Delivered, at, null));
        Assert.True(await _store.RecordAsync(claimed[2], DeliveryOutcome.Retry("SocketException"), at, at.AddSeconds(5)));

        Assert.Equal(["sent", "delivered", "failed"], await Task.WhenAll(claimed.Select(c => StatusAsync(c.Id))));
        Assert.Equal(at, await _db.ScalarAsync<DateTime>("SELECT sent_at FROM notification_outbox WHERE id = @id",
            ("id", claimed[0].Id)));
        Assert.Equal("SocketException", await _db.ScalarAsync<string>(
            "SELECT reason FROM notification_attempts WHERE outbox_id = @id", ("id", claimed[2].Id)));
        Assert.Equal("SocketException", await _db.ScalarAsync<string>(
            "SELECT last_error FROM notification_outbox WHERE id = @id", ("id", claimed[2].Id)));

        // The failed row is due again only at its retry time, with its count of attempts going on.
        Assert.Empty(await ClaimMailsAsync(at.AddSeconds(4)));
        var retried = Assert.Single(await ClaimMailsAsync(at.AddSeconds(5)));
        Assert.Equal((claimed[2].Id, 2), (retried.Id, retried.Attempts));
    }

    [Fact]
    public async Task RecordAsync_NoRetryTime_DeadListedForItsBureauOnlyAndRetriedFresh()
    {
        var alertId = await QueueMailsAsync(1);
        var claim = Assert.Single(await ClaimMailsAsync(T0));
        Assert.True(await _store.RecordAsync(claim, DeliveryOutcome.Retry("SMTP 451"), T0, null));

        var dead = Assert.Single(await _store.ListDeadAsync(TenantScope.Bureau(_bureau.Id)));
        Assert.Equal((claim.Id, alertId, OutboxChannels.Email, 1, "SMTP 451"),
            (dead.Id, dead.AlertId, dead.Channel, dead.Attempts, dead.LastError));
        Assert.Empty(await ClaimMailsAsync(T0.AddDays(1))); // dead is never claimed
        var elsewhere = TenantScope.Bureau(Guid.NewGuid());
        Assert.Empty(await _store.ListDeadAsync(elsewhere));
        Assert.False(await _store.RetryAsync(elsewhere, claim.Id, T0.AddMinutes(1)));

        Assert.True(await _store.RetryAsync(TenantScope.Bureau(_bureau.Id), claim.Id, T0.AddMinutes(1)));
        Assert.False(await _store.RetryAsync(TenantScope.Bureau(_bureau.Id), claim.Id, T0.AddMinutes(1))); // not dead
        Assert.Empty(await _store.ListDeadAsync(TenantScope.Bureau(_bureau.Id)));
        var back = Assert.Single(await ClaimMailsAsync(T0.AddMinutes(1)));
        Assert.Equal((claim.Id, 1), (back.Id, back.Attempts));
        Assert.Equal(1, await _db.ScalarAsync<int>( // the attempt before it died stays recorded
            "SELECT count(*) FROM notification_attempts WHERE outbox_id = @id", ("id", claim.Id)));
    }

    [Fact]
    public async Task RecordAsync_PermanentFailure_DeadAtOnce()
    {
        await QueueMailsAsync(1);
        var claim = Assert.Single(await ClaimMailsAsync(T0));

        Assert.True(await _store.RecordAsync(claim, DeliveryOutcome.Dead("SMTP 550 RecipientNotAccepted"), T0, null));

        Assert.Equal("dead", await StatusAsync(claim.Id));
        Assert.Equal("failed", await _db.ScalarAsync<string>(
            "SELECT outcome FROM notification_attempts WHERE outbox_id = @id", ("id", claim.Id)));
    }

    private Task<string> StatusAsync(long id) =>
        _db.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE id = @id", ("id", id));
}
