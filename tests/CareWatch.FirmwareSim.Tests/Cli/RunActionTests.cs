using CareWatch.FirmwareSim.Cli;
using CareWatch.FirmwareSim.Registration;
using CareWatch.FirmwareSim.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.FirmwareSim.Tests.Cli;

/// <summary>
/// Reruns of <c>run --server … --identities FILE</c> against a stub registry over HTTP and an in-process broker:
/// the same watches, only the minutes the server lacks, the same still story.
/// </summary>
public sealed class RunActionTests : IDisposable
{
    private static readonly (Guid Id, string Name)[] Seniors =
    [
        (Guid.Parse("11111111-0000-0000-0000-000000000001"), "Ann"),
        (Guid.Parse("11111111-0000-0000-0000-000000000002"), "Bo"),
    ];
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly string _dir = Directory.CreateTempSubdirectory("carewatch-sim-test").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ExecuteAsync_Rerun_SameWatchesOnlyMissingMinutesAndStillnessContinues()
    {
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        await using var registry = StubRegistry.Start(Seniors, id => NewestMinute(broker, id));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 6, 0, 30, TimeSpan.Zero)); // 14:00 in Shanghai
        var settings = Settings(registry, broker);

        await RunUntilAsync(settings, time, () => MinutesSent(broker) == 2 * 120);
        var firstRun = broker.Publishes.Count;
        var stored = await IdentityStore.LoadAsync(settings.IdentitiesFile!, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(30));
        await RunUntilAsync(settings, time, () => MinutesSent(broker) == 2 * 150);
        var rerun = broker.Publishes.Skip(firstRun).ToList();
        var storedAfter = await IdentityStore.LoadAsync(settings.IdentitiesFile!, CancellationToken.None);

        Assert.Equal(2, registry.Registered);
        Assert.Equal(["dev-1", "dev-2"], stored.Watches.Select(w => w.DeviceId));
        Assert.Equal(["dev-1", "dev-2"], rerun.Select(p => DeviceOf(p.Topic)).Distinct().Order());
        var end = new DateTime(2026, 3, 2, 6, 30, 0, DateTimeKind.Utc);
        foreach (var device in new[] { "dev-1", "dev-2" })
        {
            var minutes = rerun.Where(p => DeviceOf(p.Topic) == device).SelectMany(p => p.Batch.Minutes).ToList();
            Assert.Equal(Enumerable.Range(0, 30).Select(i => end.AddMinutes(-30 + i)), minutes.Select(m => m.Start));
        }
        Assert.Equal(stored.StillSince, storedAfter.StillSince);
        var onset = Assert.Single(stored.StillSince).Value;
        Assert.All(rerun.Where(p => DeviceOf(p.Topic) == "dev-1").SelectMany(p => p.Batch.Minutes),
            m => Assert.True(m.Steps == 0 && m.Start >= onset, "her stillness goes on"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(IdentityStore.Permissions, File.GetUnixFileMode(settings.IdentitiesFile!));
    }

    [Fact]
    public async Task ExecuteAsync_FirstRunAtNight_StillSinceHerWakingHoursMoreThan12HoursAgo()
    {
        await using var broker = new InProcessBroker();
        await broker.StartAsync();
        await using var registry = StubRegistry.Start(Seniors, id => NewestMinute(broker, id));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 21, 4, 30, TimeSpan.Zero)); // 05:04 in Shanghai

        await RunUntilAsync(Settings(registry, broker), time, () => MinutesSent(broker) == 2 * 120);
        var stored = await IdentityStore.LoadAsync(Path.Combine(_dir, "ids.json"), CancellationToken.None);

        var onset = Assert.Single(stored.StillSince).Value;
        Assert.True(time.GetUtcNow().UtcDateTime - onset >= TimeSpan.FromHours(12), $"still since {onset:u}");
        Assert.InRange(TimeZoneInfo.ConvertTimeFromUtc(onset, Shanghai).Hour, 8, 21);
    }

    private RunSettings Settings(StubRegistry registry, InProcessBroker broker) => new()
    {
        Server = registry.BaseAddress,
        MqttHost = "127.0.0.1",
        MqttPort = broker.Port,
        NoTls = true,
        BackfillHours = 2,
        StillWatches = 1,
        SummarySeconds = 3600,
        IdentitiesFile = Path.Combine(_dir, "ids.json"),
    };

    // Runs the simulator until the broker has seen what the test waits for, then stops it as Ctrl-C would.
    private static async Task RunUntilAsync(RunSettings settings, TimeProvider time, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();
        var run = RunAction.ExecuteAsync(settings, time, output, error, stop.Token);
        await TestWatches.WaitUntilAsync(() => done() || run.IsCompleted, "the backfill");
        await stop.CancelAsync();
        Assert.True(0 == await run, $"exit code; stderr: {error}");
        Assert.True(done(), $"stdout: {output}");
    }

    private static int MinutesSent(InProcessBroker broker) => broker.Publishes.Sum(p => p.Batch.Minutes.Count);

    private static DateTime? NewestMinute(InProcessBroker broker, string deviceId) =>
        broker.Publishes.Where(p => DeviceOf(p.Topic) == deviceId).SelectMany(p => p.Batch.Minutes)
            .Select(m => (DateTime?)m.Start).Max();

    private static string DeviceOf(string topic) => topic.Split('/')[1];
}
