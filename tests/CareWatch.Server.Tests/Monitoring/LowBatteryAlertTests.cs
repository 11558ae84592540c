using CareWatch.FirmwareSim.Routine;
using CareWatch.Monitoring;
using CareWatch.Server.Tests.EndToEnd;
using CareWatch.Server.Tests.Support;
using CareWatch.TestSupport;

namespace CareWatch.Server.Tests.Monitoring;

/// <summary>A watch below the bureau's low-battery level by day: a low-battery alert, resolved once it charges.</summary>
public sealed class LowBatteryAlertTests
{
    [Fact]
    public async Task WatchBelowTheLevel_RaisesLowBattery_ThenAutoResolvesWhenCharging()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        // The whole day counts as day here, so the test does not depend on the hour it runs at.
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Monitoring:DayStartHour=0", "Monitoring:DayEndHour=24");
        await server.WaitUntilReadyAsync();
        var senior = await Arrange.SeniorAsync(server, "Hans Weber");
        var device = await Arrange.WatchAsync(server, senior.Id);
        await using var board = await AlertChannel.ConnectAsync(server);
        await using var watch = Arrange.Connect(server, device);
        var start = Arrange.MinutesAgo(3);

        await watch.SendAsync(Arrange.Minutes(start, 1, movement: 150, worn: true), null, new BatteryState(40, false));
        await watch.SendAsync(Arrange.Minutes(start.AddMinutes(1), 1, movement: 150, worn: true), null, new BatteryState(12, false));
        var low = await board.NextAsync();
        await watch.SendAsync(Arrange.Minutes(start.AddMinutes(2), 1, movement: 150, worn: true), null, new BatteryState(13, true));
        var charged = await board.NextAsync();

        Assert.Equal((AlertKinds.LowBattery, "open", senior.Id), (low.Kind, low.Status, low.SeniorId));
        Assert.StartsWith("Watch battery at 12 %", low.Explanation);
        Assert.Equal((low.Id, "resolved"), (charged.Id, charged.Status));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alerts"));
    }
}
