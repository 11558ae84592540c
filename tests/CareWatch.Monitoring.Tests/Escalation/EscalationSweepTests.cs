using System.Collections.Concurrent;
using System.Diagnostics;
using CareWatch.Monitoring.Escalation;
using CareWatch.Monitoring.Metrics;
using CareWatch.Monitoring.Lifecycle;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Escalation;
using CareWatch.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareWatch.Monitoring.Tests.Escalation;

public sealed class EscalationSweepTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private TestDatabase _db = null!;
    private BureauRecord _bureau = null!;
    private SeniorRecord _senior = null!;
    private AlertTransitions _transitions = null!;
    private Guid _onDuty;
    private Guid _supervisor;
    private Guid _daughter;
    private Guid _son;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        _bureau = await directory.AddBureauAsync("Sweep bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(_bureau.Id, "Sweep Senior", "Europe/Berlin");
        _transitions = new AlertTransitions(_db.DataSource, new OutboxWakeup());
        var scope = TenantScope.Bureau(_bureau.Id);
        _onDuty = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff", "on@example.org");
        await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "staff", "off@example.org"); // not on shift: never called
        _supervisor = await TestUsers.AddAsync(_db.DataSource, _bureau.Id, "supervisor");
        await new ShiftStore(_db.DataSource).AddAsync(scope, _onDuty, T0.UtcDateTime.AddHours(-1), T0.UtcDateTime.AddHours(12));
        var contacts = new ContactStore(_db.DataSource, _time);
        _daughter = (await contacts.CreateAsync(scope, _senior.Id, new ContactInput("Anna", "daughter", "de",
            "anna@example.org", null, 1, ["email"], null, null))).Contact!.Id;
        _son = (await contacts.CreateAsync(scope, _senior.Id, new ContactInput("Ben", "son", "en", null, "+49 30 1234", 2,
            ["webhook"], null, null))).Contact!.Id;
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private EscalationSweep NewSweep(NpgsqlDataSource? dataSource = null, int batch = 50)
    {
        var db = dataSource ?? _db.DataSource;
        return new EscalationSweep(db, new AlertTransitions(db, new OutboxWakeup()), new EscalationChainStore(db),
            new RecipientDirectory(), new OutboxWakeup(), Options.Create(new EscalationOptions { BatchSize = batch }), _time,
            NullLogger<EscalationSweep>.Instance);
    }

    /// <summary>An open alarm as the monitor opens it: the first step due at once.</summary>
    private async Task<AlertRecord> OpenAsync(string kind = AlertKinds.Sos, Guid? senior = null, DateTime? risesAt = null) =>
        (await _transitions.RaiseAsync(new NewAlert(senior ?? _senior.Id, kind, AlertSeverities.For(kind), AlertStates.Open,
            null, Now, "test", NextStepAt: Now, SeverityRisesAt: risesAt), AlertActor.System("test"), Now)).Alert;

    private async Task<List<(string Recipient, string Channel, string Kind, bool Urgent)>> CalledAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand(
            "SELECT recipient, channel, kind, urgent FROM notification_outbox WHERE recipient <> 'board' ORDER BY id");
        var list = new List<(string, string, string, bool)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));
        return list;
    }

    private async Task<AlertRecord> ReloadAsync(long id) => (await _transitions.FindAsync(id))!;

    private static (string, string, string, bool) Urgent(string recipient, string channel, string kind = "alert-open") =>
        (recipient, channel, kind, true);

    private static readonly ActivitySource TestSource = new("CareWatch.Monitoring.Tests.Escalation");

    [Fact]
    public async Task Sweep_WorksOnAnAlertInsideTheTraceThatRaisedIt()
    {
        // Listeners hear every test of the process: the sweep's span is found by this test's own trace.
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MonitoringTracing.SourceName || source == TestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        AlertRecord alert;
        StoredTrace raisedIn;
        using (var raise = TestSource.StartActivity("raise")!)
        {
            alert = await OpenAsync();
            raisedIn = new StoredTrace(raise.TraceId.ToHexString(), raise.SpanId.ToHexString());
        }
        Assert.Equal(raisedIn, (await ReloadAsync(alert.Id)).Trace);

        Assert.True(await NewSweep().SweepAsync() > 0);

        var escalate = Assert.Single(stopped, s => s.OperationName == MonitoringTracing.AlertEscalate
            && s.TraceId.ToHexString() == raisedIn.TraceId);
        Assert.Equal(raisedIn.SpanId, escalate.ParentSpanId.ToHexString());
        Assert.Equal(alert.Id, escalate.GetTagItem("carewatch.alert.id"));
    }

    [Fact]
    public async Task Sweep_OpenAlarm_FirstStepCallsTheStaffOnDuty()
    {
        var alert = await OpenAsync();

        Assert.Equal(1, await NewSweep().SweepAsync());

        Assert.Equal([Urgent($"user:{_onDuty}", "signalr"), Urgent($"user:{_onDuty}", "email")], await CalledAsync());
        var after = await ReloadAsync(alert.Id);
        Assert.Equal((1, (DateTime?)Now.AddSeconds(180)), (after.EscalationStep, after.NextStepAt));
        Assert.Equal(0, await NewSweep().SweepAsync()); // nothing due until then
    }

    [Fact]
    public async Task Sweep_ClockAdvances_SupervisorsThenEveryRelativeThenReminders()
    {
        var alert = await OpenAsync();
        var sweep = NewSweep();
        await sweep.SweepAsync();

        _time.Advance(TimeSpan.FromSeconds(180));
        await sweep.SweepAsync();
        Assert.Equal(Urgent($"user:{_supervisor}", "signalr"), (await CalledAsync()).Last());

        _time.Advance(TimeSpan.FromSeconds(120));
        await sweep.SweepAsync();
        Assert.Equal([Urgent($"contact:{_daughter}", "email"), Urgent($"contact:{_son}", "webhook")], (await CalledAsync())[^2..]);

        for (var i = 0; i < 2; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(300)); // the bureau's default reminder interval
            await sweep.SweepAsync();
        }
        var reminders = (await CalledAsync()).Where(c => c.Kind == NotificationKinds.Reminder).ToList();
        Assert.Equal(4, reminders.Count); // two reminders, board and e-mail each, to the one on duty
        Assert.All(reminders, r => Assert.Equal($"user:{_onDuty}", r.Recipient));
        var after = await ReloadAsync(alert.Id);
        Assert.Equal((3, 2), (after.EscalationStep, after.RemindersSent));
    }

    [Fact]
    public async Task Sweep_LateAfterAnOutage_CatchesUpEveryDueStepInOrder()
    {
        var alert = await OpenAsync();
        _time.Advance(TimeSpan.FromSeconds(301));

        await NewSweep().SweepAsync();

        Assert.Equal(["escalated", "escalated", "escalated"], (await EventsAsync(alert.Id)).Skip(1));
        Assert.Equal(5, (await CalledAsync()).Count);
        Assert.Equal(Now.AddSeconds(300), (await ReloadAsync(alert.Id)).NextStepAt);
    }

    [Fact]
    public async Task Sweep_Acknowledged_NoFurtherSteps()
    {
        var alert = await OpenAsync();
        var sweep = NewSweep();
        await sweep.SweepAsync();
        var current = await ReloadAsync(alert.Id);
        var ack = await _transitions.ApplyAsync(alert.Id, current.Version,
            StaffChanges.Acknowledge(current, AlertActor.User(_onDuty), Now.AddSeconds(30), []), Now.AddSeconds(30));
        Assert.True(ack.Applied);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await sweep.SweepAsync());
        Assert.Equal(2, (await CalledAsync()).Count);
    }

    [Fact]
    public async Task Sweep_ManySweepsAtOnce_NeverCarryOutAStepTwice()
    {
        var seniors = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var alerts = new List<AlertRecord> { await OpenAsync() };
        for (var i = 0; i < 19; i++)
            alerts.Add(await OpenAsync(senior: (await seniors.AddSeniorAsync(_bureau.Id, $"Senior {i}", "Europe/Berlin")).Id));

        var sweeps = Enumerable.Range(0, 4).Select(_ => NewSweep(batch: 3)).ToList();
        await Task.WhenAll(sweeps.Select(s => Task.Run(async () => { while (await s.EscalateDueAsync() > 0) { } })));
        await Task.WhenAll(sweeps.Select(s => s.EscalateDueAsync())); // stragglers: nothing is left

        Assert.Equal(40, (await CalledAsync()).Count); // 20 alerts, board and e-mail to the one on duty
        Assert.Equal(20L, await _db.ScalarAsync<long>("SELECT count(*) FROM alert_events WHERE event = 'escalated'"));
        Assert.All(alerts, a => Assert.Equal(1, ReloadAsync(a.Id).Result.EscalationStep));
    }

    [Fact]
    public async Task Sweep_NewInstanceAfterARestart_ResumesTheChain()
    {
        var alert = await OpenAsync();
        await NewSweep().SweepAsync();
        _time.Advance(TimeSpan.FromSeconds(180));

        await using (var fresh = NpgsqlDataSource.Create(_db.ConnectionString))
            await NewSweep(fresh).SweepAsync();

        Assert.Equal(2, (await ReloadAsync(alert.Id)).EscalationStep);
        Assert.Equal([$"user:{_onDuty}", $"user:{_onDuty}", $"user:{_supervisor}"], (await CalledAsync()).Select(c => c.Recipient));
    }

    [Fact]
    public async Task Sweep_UnacknowledgedPastItsRise_SeverityRisesOnce()
    {
        var alert = await OpenAsync(AlertKinds.Inactivity, risesAt: Now.AddMinutes(10));
        var sweep = NewSweep();
        await sweep.SweepAsync();
        Assert.Equal(AlertSeverity.High, (await ReloadAsync(alert.Id)).Severity);

        _time.Advance(TimeSpan.FromMinutes(10));
        await sweep.SweepAsync();
        await sweep.SweepAsync();

        var after = await ReloadAsync(alert.Id);
        Assert.Equal((AlertSeverity.Critical, (DateTime?)null), (after.Severity, after.SeverityRisesAt));
        Assert.Single(await EventsAsync(alert.Id), e => e == AlertEvents.SeverityRaised);
    }

    [Fact]
    public async Task Sweep_RelativesFirstChain_CallsTheFirstRelativeThenStaff()
    {
        await new EscalationChainStore(_db.DataSource).ReplaceAsync(TenantScope.Bureau(_bureau.Id),
            [new(1, 0, ChainRecipients.Relative, RelativeOrder: 1), new(2, 60, ChainRecipients.OnDutyStaff)]);
        await OpenAsync(AlertKinds.Fall);
        var sweep = NewSweep();

        await sweep.SweepAsync();
        Assert.Equal([Urgent($"contact:{_daughter}", "email")], await CalledAsync());
        _time.Advance(TimeSpan.FromSeconds(60));
        await sweep.SweepAsync();

        Assert.Equal([$"contact:{_daughter}", $"user:{_onDuty}", $"user:{_onDuty}"], (await CalledAsync()).Select(c => c.Recipient));
    }

    [Fact]
    public async Task Sweep_StaffFirstChain_CallsTheSecondRelativeLater()
    {
        await new EscalationChainStore(_db.DataSource).ReplaceAsync(TenantScope.Bureau(_bureau.Id),
            [new(1, 0, ChainRecipients.OnDutyStaff), new(2, 120, ChainRecipients.Relative, RelativeOrder: 2)]);
        await OpenAsync();
        var sweep = NewSweep();

        await sweep.SweepAsync();
        _time.Advance(TimeSpan.FromSeconds(119));
        await sweep.SweepAsync();
        Assert.Equal(2, (await CalledAsync()).Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        await sweep.SweepAsync();

        Assert.Equal(Urgent($"contact:{_son}", "webhook"), (await CalledAsync()).Last());
    }

    [Fact]
    public async Task Sweep_DeviceHealth_TellsTheStaffOnDutyOnceNotUrgently()
    {
        var alert = await OpenAsync(AlertKinds.Offline);
        var sweep = NewSweep();

        await sweep.SweepAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await sweep.SweepAsync();

        Assert.Equal([($"user:{_onDuty}", "signalr", "alert-open", false), ($"user:{_onDuty}", "email", "alert-open", false)],
            await CalledAsync());
        Assert.Null((await ReloadAsync(alert.Id)).NextStepAt);
    }

    [Fact]
    public async Task ExecuteAsync_AsAHostedService_SweepsOnItsPoll()
    {
        var alert = await OpenAsync();
        var sweep = NewSweep();

        await sweep.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(async () => (await ReloadAsync(alert.Id)).EscalationStep == 1, "the first step ran");
            _time.Advance(TimeSpan.FromSeconds(180));
            await Eventually.TrueAsync(async () => (await ReloadAsync(alert.Id)).EscalationStep == 2, "the poll ran step two");
        }
        finally
        {
            await sweep.StopAsync(CancellationToken.None);
        }
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
}
