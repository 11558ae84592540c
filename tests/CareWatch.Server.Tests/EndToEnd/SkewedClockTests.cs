using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Gateway;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>The simulator's watches with wrong clocks against the real gateway: what is tolerated, what is refused and counted.</summary>
public sealed class SkewedClockTests : ServerTest
{
    [Fact]
    public async Task Fleet_WatchClocksWrong_SmallErrorStoredAheadFarAheadRejectedFarBehindTokenRefused()
    {
        var ahead2 = await MemberAsync("Two minutes ahead", TimeSpan.FromMinutes(2));
        var ahead10 = await MemberAsync("Ten minutes ahead", TimeSpan.FromMinutes(10));
        var behind2h = await MemberAsync("Two hours behind", TimeSpan.FromHours(-2));
        var metrics = Server.Services.GetRequiredService<GatewayMetrics>();
        var options = new FleetOptions
        {
            Backfill = TimeSpan.FromHours(1),
            BatchInterval = TimeSpan.FromHours(1),
            Watch = new SimulatedWatchOptions
            {
                MqttHost = "127.0.0.1", MqttPort = Server.MqttPort, CaFile = Server.CaCertificatePath,
                TokenTtl = TimeSpan.FromMinutes(60), ReconnectBaseDelay = TimeSpan.FromMilliseconds(200),
            },
        };
        var startedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = new FleetRunner([ahead2.Member, ahead10.Member, behind2h.Member], options).RunAsync(stop.Token);
        while (!stop.IsCancellationRequested
               && (metrics.Accepted < 1 || metrics.Rejected(RejectReason.BadTimestamp) < 1 || metrics.RefusedConnections("sas-expired") < 1))
            await Task.Delay(100);
        await stop.CancelAsync();
        await run;

        var history = Server.Services.GetRequiredService<ActivityHistory>();
        var stored = await history.MinutesSinceAsync(ahead2.SeniorId, startedAt.AddHours(-2));
        Assert.Equal(60, stored.Count);
        Assert.True(stored[^1].Start > startedAt, $"the newest minute ({stored[^1].Start:u}) is stamped ahead of the true time ({startedAt:u})");
        Assert.True(metrics.Rejected(RejectReason.BadTimestamp) >= 1, "the watch ten minutes ahead is rejected");
        Assert.Empty(await history.MinutesSinceAsync(ahead10.SeniorId, startedAt.AddHours(-2)));
        Assert.True(metrics.RefusedConnections("sas-expired") >= 1, "the watch two hours behind signs tokens that have already expired");
        Assert.Empty(await history.MinutesSinceAsync(behind2h.SeniorId, startedAt.AddHours(-4)));
    }

    private async Task<(FleetMember Member, Guid SeniorId)> MemberAsync(string name, TimeSpan clockError)
    {
        var senior = await Arrange.SeniorAsync(Server, name);
        var watch = await Arrange.WatchAsync(Server, senior.Id);
        var scenario = Scenario.Normal.WithClockError(DateTime.MinValue, clockError);
        return (new FleetMember(DeviceConnectionString.Parse(watch.ConnectionString), new DailyRoutine(7), scenario), senior.Id);
    }
}
