using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Fleet;
using CareWatch.FirmwareSim.Routine;
using CareWatch.FirmwareSim.Scenarios;
using System.Net.Http.Json;
using CareWatch.Gateway;
using CareWatch.Protocol;
using CareWatch.Server.Apis;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>The simulator's watches with wrong clocks against the real gateway: what is corrected, shown, refused and counted.</summary>
public sealed class SkewedClockTests : ServerTest
{
    [Fact]
    public async Task Fleet_WatchClocksWrong_AheadCorrectedOntoServerClockAndShownFarBehindTokenRefused()
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
        while (!stop.IsCancellationRequested && (metrics.Accepted < 2 || metrics.RefusedConnections("sas-expired") < 1))
            await Task.Delay(100);
        await stop.CancelAsync();
        await run;

        var history = Server.Services.GetRequiredService<ActivityHistory>();
        foreach (var (watch, error) in new[] { (ahead2, 120), (ahead10, 600) })
        {
            // The watch stamped an hour of minutes up to its own (fast) clock; they are stored on the server's.
            var stored = await history.MinutesSinceAsync(watch.SeniorId, startedAt.AddHours(-2));
            Assert.Equal(60, stored.Count);
            Assert.InRange(stored[^1].Start, startedAt.AddMinutes(-3), startedAt);
            var view = await Server.Http.GetFromJsonAsync<DeviceView>($"api/devices/{watch.DeviceId}");
            Assert.InRange(view!.ClockErrorSeconds!.Value, error - 10, error + 10);
        }
        Assert.Equal(2, metrics.ClockCorrected);
        Assert.Equal(0, metrics.Rejected(RejectReason.BadTimestamp));
        Assert.True(metrics.RefusedConnections("sas-expired") >= 1, "the watch two hours behind signs tokens that have already expired");
        Assert.Empty(await history.MinutesSinceAsync(behind2h.SeniorId, startedAt.AddHours(-4)));
    }

    private async Task<(FleetMember Member, Guid SeniorId, string DeviceId)> MemberAsync(string name, TimeSpan clockError)
    {
        var senior = await Arrange.SeniorAsync(Server, name);
        var watch = await Arrange.WatchAsync(Server, senior.Id);
        var scenario = Scenario.Normal.WithClockError(DateTime.MinValue, clockError);
        return (new FleetMember(DeviceConnectionString.Parse(watch.ConnectionString), new DailyRoutine(7), scenario), senior.Id, watch.DeviceId);
    }
}
