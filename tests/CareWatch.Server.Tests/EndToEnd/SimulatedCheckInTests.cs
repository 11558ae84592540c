using CareWatch.FirmwareSim.CheckIn;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>
/// The simulator's check-in against the real server, as ops/demo.sh runs it: a dozing senior and a collapsed one both
/// lie still long enough for an inactivity alert; both watches show "Are you OK?"; the dozing one presses OK and her
/// alert is cancelled, the collapsed one's alert keeps checking until the window gives up (then staff are called).
/// </summary>
public sealed class SimulatedCheckInTests
{
    [Fact]
    public async Task Fleet_DozingAndCollapsedSeniors_DozingCancelledCollapsedStillChecking()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Monitoring:DayStartHour=0",
            "Monitoring:DayEndHour=24", "Monitoring:StillAlertAfter=00:30:00", "Monitoring:StillAlertAfterNight=00:30:00");
        await server.WaitUntilReadyAsync();
        var collapsed = await Arrange.WatchAsync(server, (await Arrange.SeniorAsync(server, "Collapsed")).Id);
        var dozing = await Arrange.WatchAsync(server, (await Arrange.SeniorAsync(server, "Dozing")).Id);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        FleetMember Member(WatchIdentity w, int index, CheckInRole role) => new(DeviceConnectionString.Parse(w.ConnectionString),
            new DailyRoutine(index), Scenario.StillFrom(now.AddMinutes(-45)))
        {
            CheckIn = new CheckInAnswers(42, index, role, 0.9, TimeSpan.FromSeconds(1)),
        };
        var fleet = new FleetRunner([Member(collapsed, 0, CheckInRole.Collapsed), Member(dozing, 1, CheckInRole.Dozing)], new FleetOptions
        {
            Backfill = TimeSpan.FromHours(1),
            BatchInterval = TimeSpan.FromSeconds(5),
            Watch = new SimulatedWatchOptions { MqttHost = "127.0.0.1", MqttPort = server.MqttPort, CaFile = server.CaCertificatePath },
        });
        using var stop = new CancellationTokenSource();
        var run = fleet.RunAsync(stop.Token);

        await Eventually.TrueAsync(async () => await db.ScalarAsync<long>(
            "SELECT count(*) FROM alerts WHERE senior_id = @s AND kind = 'inactivity' AND status = 'cancelled'",
            ("s", dozing.SeniorId)) == 1, "the dozing senior's OK cancelled her alert");
        await stop.CancelAsync();
        await run;

        Assert.Equal("checking 1", await db.ScalarAsync<string>(
            "SELECT status || ' ' || prompt_count FROM alerts WHERE senior_id = @s AND kind = 'inactivity'", ("s", collapsed.SeniorId)));
        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT prompt_count FROM alerts WHERE senior_id = @s AND kind = 'inactivity'", ("s", dozing.SeniorId)));
    }
}
