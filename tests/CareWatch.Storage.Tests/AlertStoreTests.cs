using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

public sealed class AlertStoreTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;
    private AlertStore _alerts = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var bureau = await directory.AddBureauAsync("Test bureau", "Europe/Berlin");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Test Senior", "Europe/Berlin");
        await new DeviceRegistry(_db.DataSource, TimeProvider.System, new MarkedDeviceKeys()).CreateAsync(TenantScope.Bureau(bureau.Id), "w1", _senior.Id);
        _alerts = new AlertStore(_db.DataSource);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task UnalertedEventsAsync_OnlyEventsNoAlertCovers()
    {
        // 08:00 SOS with an alert raised after it; 08:10 SOS while that alert is open; 08:30 SOS after it was
        // resolved at 08:20, never alerted; 08:40 a fall, never alerted.
        await StoreEventsAsync((T0, DeviceEventKind.Sos), (T0.AddMinutes(10), DeviceEventKind.Sos),
            (T0.AddMinutes(30), DeviceEventKind.Sos), (T0.AddMinutes(40), DeviceEventKind.Fall));
        var sos = await Support.RaiseForTest.RaiseAsync(_db.DataSource, _senior.Id, "sos", null, T0.AddSeconds(2), "SOS pressed at 09:00.");
        await Support.RaiseForTest.ResolveAsync(_db.DataSource, sos, T0.AddMinutes(20));

        var owed = await _alerts.UnalertedEventsAsync(_senior.Id, ["sos", "fall"], T0.AddHours(-1));

        Assert.Equal([new UnalertedEvent(T0.AddMinutes(30), "sos"), new UnalertedEvent(T0.AddMinutes(40), "fall")], owed);
    }

    [Fact]
    public async Task OkPressesAsync_TheSeniorsOkPressesSince()
    {
        // 07:50 an OK before the instant asked for; 08:05 an SOS; 08:10 and 08:20 OKs; another senior's OK at 08:15.
        await StoreEventsAsync((T0.AddMinutes(-10), DeviceEventKind.Ok), (T0.AddMinutes(5), DeviceEventKind.Sos),
            (T0.AddMinutes(20), DeviceEventKind.Ok), (T0.AddMinutes(10), DeviceEventKind.Ok));
        var directory = new SeniorDirectory(_db.DataSource, TimeProvider.System);
        var other = await directory.AddSeniorAsync(_senior.BureauId, "Other Senior", "Europe/Berlin");
        var batch = new TelemetryBatch(2, 80, false, [], [new DeviceEvent(T0.AddMinutes(15), DeviceEventKind.Ok)]);
        await new TelemetryWriter(_db.DataSource).WriteAsync(
            [new IncomingTelemetry("w2", other.Id, batch, T0.AddHours(1))]);

        var presses = await _alerts.OkPressesAsync(_senior.Id, T0);

        Assert.Equal([T0.AddMinutes(10), T0.AddMinutes(20)], presses);
    }

    [Fact]
    public async Task UnalertedEventsAsync_CarriesTheTraceOfTheMessageThatBroughtTheEvent()
    {
        var trace = new StoredTrace("ae82982c6acc4bd8ba33b5147bed1ade", "9009b415800cfd50");
        await StoreEventsAsync(trace, (T0, DeviceEventKind.Sos));
        await StoreEventsAsync(null, (T0.AddMinutes(5), DeviceEventKind.Fall));

        var owed = await _alerts.UnalertedEventsAsync(_senior.Id, ["sos", "fall"], T0.AddHours(-1));

        Assert.Equal([new UnalertedEvent(T0, "sos", trace), new UnalertedEvent(T0.AddMinutes(5), "fall")], owed);
    }

    private Task StoreEventsAsync(params (DateTime At, DeviceEventKind Kind)[] events) => StoreEventsAsync(null, events);

    private long _seq;

    private async Task StoreEventsAsync(StoredTrace? trace, params (DateTime At, DeviceEventKind Kind)[] events)
    {
        var batch = new TelemetryBatch(++_seq, 80, false, [], events.Select(e => new DeviceEvent(e.At, e.Kind)).ToList());
        await new TelemetryWriter(_db.DataSource).WriteAsync(
            [new IncomingTelemetry("w1", _senior.Id, batch, T0.AddHours(1), Trace: trace)]);
    }
}
