using CareWatch.FirmwareSim.Load;
using CareWatch.FirmwareSim.Tests.Support;

namespace CareWatch.FirmwareSim.Tests.Load;

public sealed class LoadRunnerTests
{
    [Fact]
    public async Task RunAsync_ThreeWatchesStoppedAfterPublishing_ReportAndResultLine()
    {
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        var devices = Enumerable.Range(0, 3).Select(i => TestWatches.Connection($"load-{i}")).ToList();
        var settings = new LoadSettings
        {
            ConnectionsFile = "unused", MqttHost = "127.0.0.1", MqttPort = broker.Port, NoTls = true,
            BatchInterval = TimeSpan.FromMilliseconds(50), Duration = TimeSpan.FromMinutes(5), ReportInterval = TimeSpan.FromMilliseconds(200),
            SourceAddresses = SourceAddresses.Loopback(2),
        };
        var lines = new List<string>();

        using var stop = new CancellationTokenSource();

        // The steady phase ends when the broker has seen every watch publish, not after a fixed time.
        var run = new LoadRunner(devices, settings, TimeProvider.System, l => { lock (lines) lines.Add(l); }).RunAsync(stop.Token);
        await TestWatches.WaitUntilAsync(() => broker.Publishes.Select(p => p.Topic).Distinct().Count() == 3, "a publish from every watch");
        await stop.CancelAsync();
        var report = await run;

        Assert.Equal(3, report.Connected);
        Assert.InRange(report.Accepted, 0, broker.Publishes.Count);
        Assert.Equal(0, report.Failed + report.Refused);
        Assert.Equal(["load-0", "load-1", "load-2"], broker.Connects.Select(c => c.ClientId).Order());
        Assert.All(broker.Publishes, p => Assert.Single(p.Batch.Minutes));
        Assert.Contains(lines, l => l.StartsWith("STEADY connected=3"));
        Assert.Contains(lines, l => l.StartsWith("RESULT watches=3 connected=3"));
    }
}
