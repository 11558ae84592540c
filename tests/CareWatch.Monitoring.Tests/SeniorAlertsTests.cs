using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Bureaus;
using CareWatch.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace CareWatch.Monitoring.Tests;

public sealed class SeniorAlertsTests : IAsyncLifetime
{
    private static readonly DateTime StillSince = new(2026, 3, 2, 9, 1, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(StillSince.AddMinutes(10), TimeSpan.Zero));
    private TestDatabase _db = null!;
    private SeniorAlerts _alerts = null!;
    private AlertStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("OK bureau", "Europe/Berlin");
        var senior = await directory.AddSeniorAsync(bureau.Id, "OK Senior", "Europe/Berlin");
        _store = new AlertStore(_db.DataSource);
        _alerts = new SeniorAlerts(senior.Id, _store, new AlertTransitions(_db.DataSource, new OutboxWakeup()),
            new CheckInSettingsStore(_db.DataSource), ResiliencePipeline.Empty, new MonitorOptions(), _time,
            NullLogger.Instance);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task SeniorOk_WhileChecking_RemembersALabelledEpisodeSeniorOk()
    {
        var (raised, _) = await _alerts.RaiseAsync(new AlertRequest(AlertKinds.Inactivity, StillSince, StillSince,
            "Still for 10 min.", "test"), checkIn: true, default);
        var okAt = StillSince.AddMinutes(11).AddSeconds(20);
        _time.SetUtcNow(new DateTimeOffset(okAt.AddSeconds(2), TimeSpan.Zero));

        await _alerts.SeniorOkAsync(okAt, default);

        var alert = (await _store.FindAsync(raised.Id))!;
        Assert.Equal((AlertStates.Cancelled, AlertOutcomes.SeniorOk), (alert.Status, alert.Outcome));
        Assert.Equal((StillSince, okAt, okAt.AddSeconds(2)), (alert.StartedAt, alert.EndedAt, alert.ClosedAt));
    }
}
