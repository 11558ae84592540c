using CareWatch.Storage.Alerts;
using CareWatch.TestSupport;
using Npgsql;

namespace CareWatch.Storage.Tests.Alerts;

public sealed class AlertTransitionsTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;
    private AlertTransitions _transitions = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("Test bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Test Senior", "Europe/Berlin");
        _transitions = new AlertTransitions(_db.DataSource, new OutboxWakeup());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private NewAlert Sos(DateTime startedAt) =>
        new(_senior.Id, "sos", AlertSeverity.Critical, AlertStates.Open, null, startedAt, "SOS pressed.");

    [Fact]
    public async Task RaiseAsync_SameStartTwice_OneAlertOneEvent()
    {
        var first = await _transitions.RaiseAsync(Sos(T0), AlertActor.System("monitor"), T0);
        var again = await _transitions.RaiseAsync(Sos(T0), AlertActor.System("monitor"), T0.AddSeconds(1));

        Assert.True(first.Inserted);
        Assert.False(again.Inserted || again.Repeated);
        Assert.Equal(first.Alert.Id, again.Alert.Id);
        Assert.Equal(["raised"], await EventsAsync(first.Alert.Id));
        Assert.Equal(T0, first.Alert.OpenedAt);
    }

    [Fact]
    public async Task RaiseAsync_AnotherStartWhileActive_ExtendsTheAlert()
    {
        var first = await _transitions.RaiseAsync(Sos(T0), AlertActor.System("monitor"), T0);
        var repeat = await _transitions.RaiseAsync(Sos(T0.AddMinutes(3)), AlertActor.System("monitor"), T0.AddMinutes(3));

        Assert.True(repeat.Repeated);
        Assert.Equal(first.Alert.Id, repeat.Alert.Id);
        Assert.Equal(1, repeat.Alert.RepeatCount);
        Assert.Equal(["raised", "repeated"], await EventsAsync(first.Alert.Id));
    }

    [Fact]
    public async Task ApplyAsync_AtTheReadVersion_AppliesWithEventAndOutbox()
    {
        var raised = (await _transitions.RaiseAsync(Sos(T0), AlertActor.System("monitor"), T0)).Alert;
        var change = new AlertChange(AlertEvents.Acknowledged, AlertActor.System("test"), AlertStates.ForStaff, AlertStates.Acknowledged)
            .Set("acknowledged_at", T0.AddSeconds(40)).Set("next_step_at", null)
            .Notify(new OutboxMessage(OutboxChannels.Email, "contact:x", "alert-acknowledged", false, "ack:{alert}:{version}"));

        var result = await _transitions.ApplyAsync(raised.Id, raised.Version, change, T0.AddSeconds(40));

        Assert.Equal(TransitionStatus.Applied, result.Status);
        Assert.Equal(AlertStates.Acknowledged, result.Alert!.Status);
        Assert.Equal(raised.Version + 1, result.Alert.Version);
        Assert.Equal(["raised", "acknowledged"], await EventsAsync(raised.Id));
        Assert.Contains($"ack:{raised.Id}:{raised.Version + 1}", await OutboxKeysAsync());
        Assert.Equal(2, (await OutboxKeysAsync()).Count(k => k.EndsWith(":board", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ApplyAsync_StaleVersionOrWrongState_ChangesNothing()
    {
        var raised = (await _transitions.RaiseAsync(Sos(T0), AlertActor.System("monitor"), T0)).Alert;
        var ack = () => new AlertChange(AlertEvents.Acknowledged, AlertActor.System("test"), AlertStates.ForStaff,
            AlertStates.Acknowledged);
        var done = await _transitions.ApplyAsync(raised.Id, raised.Version, ack(), T0.AddSeconds(5));

        var stale = await _transitions.ApplyAsync(raised.Id, raised.Version, ack(), T0.AddSeconds(6));
        var wrong = await _transitions.ApplyAsync(raised.Id, done.Alert!.Version,
            new AlertChange(AlertEvents.Cancelled, AlertActor.Senior, [AlertStates.Checking], AlertStates.Cancelled), T0.AddSeconds(7));
        var missing = await _transitions.ApplyAsync(raised.Id + 1000, 1, ack(), T0);

        Assert.Equal(TransitionStatus.Stale, stale.Status);
        Assert.Equal(TransitionStatus.WrongState, wrong.Status);
        Assert.Equal(TransitionStatus.NotFound, missing.Status);
        Assert.Equal(["raised", "acknowledged"], await EventsAsync(raised.Id));
    }

    [Fact]
    public async Task AlertEvents_AreAppendOnly()
    {
        var raised = (await _transitions.RaiseAsync(Sos(T0), AlertActor.System("monitor"), T0)).Alert;
        await using var cmd = _db.DataSource.CreateCommand("UPDATE alert_events SET event = 'resolved'");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Equal("42501", refused.SqlState);
        Assert.Equal(["raised"], await EventsAsync(raised.Id));
    }

    private async Task<List<string>> EventsAsync(long alertId)
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT event FROM alert_events WHERE alert_id = @id ORDER BY id");
        cmd.Parameters.AddWithValue("id", alertId);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    private async Task<List<string>> OutboxKeysAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT idempotency_key FROM notification_outbox ORDER BY id");
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }
}
