using CareWatch.Monitoring.Privacy;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.Monitoring.Tests.Privacy;

/// <summary>The job cuts at the injected clock minus the retention, keeps what the monitor reads, and audits itself.</summary>
public sealed class RetentionJobTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 9, 1, 2, 30, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, _time);
        var bureau = await directory.AddBureauAsync("Job bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Job Senior", "Europe/Berlin");
        await new DeviceRegistry(_db.DataSource, _time, new MarkedDeviceKeys()).CreateAsync(TenantScope.Bureau(bureau.Id), "watch-job", _senior.Id);
        // One minute a day for 100 days back from now.
        var minutes = Enumerable.Range(1, 100).Select(d => new MinuteSummary(Now.Date.AddDays(-d).AddHours(12), 50, 3, true)).ToList();
        await new TelemetryWriter(_db.DataSource).WriteAsync(minutes.Select((m, i) =>
            new IncomingTelemetry("watch-job", _senior.Id, new TelemetryBatch(i, 80, false, [m], []), m.Start.AddMinutes(1))).ToList());
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task RunAsync_DefaultRetention_OlderThan90DaysSummarisedMonitorsHistoryKeptAndAudited()
    {
        var result = await Job().RunAsync();

        // Days 91…100 back are older than 90 days; day 90 (noon) is younger than now minus 90 days (02:00).
        Assert.Equal(10L, result.MinutesDeleted);
        Assert.Equal(90L, await _db.ScalarAsync<long>("SELECT count(*) FROM minute_activity"));
        Assert.Equal(10L, await _db.ScalarAsync<long>("SELECT count(*) FROM activity_hourly WHERE minutes = 1 AND steps_sum = 3"));
        var history = await new ActivityHistory(_db.DataSource).MinutesSinceAsync(_senior.Id, Now.AddDays(-new MonitorOptions().HistoryDays));
        Assert.Equal(30, history.Count);
        Assert.Equal(AuditActions.RetentionApplied.Name, await _db.ScalarAsync<string>("SELECT action FROM audit_log"));
    }

    [Fact]
    public async Task RunAsync_DefaultRetention_DeduplicationRowsKeptOnlyForTheWindow()
    {
        var result = await Job().RunAsync();

        // One message a day, received at 12:01: days 1…22 back are younger than now (02:30) minus 22 days.
        Assert.Equal(TimeSpan.FromDays(22), DeduplicationRetention.Window);
        Assert.Equal(78L, result.MessagesDeleted);
        Assert.Equal(22L, await _db.ScalarAsync<long>("SELECT count(*) FROM device_messages"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM device_messages WHERE received_at < @cutoff",
            ("cutoff", Now - DeduplicationRetention.Window)));
        Assert.Equal(90L, await _db.ScalarAsync<long>("SELECT count(*) FROM minute_activity"));
    }

    private RetentionJob Job() => new(new RawDataRetention(_db.DataSource), new DeduplicationRetention(_db.DataSource),
        new AuditLog(_db.DataSource, _time), Options.Create(new PrivacyOptions()), Options.Create(new MonitorOptions()),
        _time, NullLogger<RetentionJob>.Instance);
}
