using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Tests.Support;

/// <summary>Credentials and options for watches talking to an <see cref="InProcessBroker"/>.</summary>
public static class TestWatches
{
    public const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static DeviceConnectionString Connection(string deviceId = "w1") => new("hub.test", deviceId, Key);

    public static SimulatedWatchOptions Options(InProcessBroker broker, TimeProvider? time = null, Action<string>? log = null) => new()
    {
        MqttHost = "127.0.0.1",
        MqttPort = broker.Port,
        UseTls = false,
        TimeProvider = time ?? TimeProvider.System,
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        Log = log,
    };

    public static IReadOnlyList<MinuteSummary> Minutes(DateTime fromUtc, int count) =>
        Enumerable.Range(0, count).Select(i => new MinuteSummary(fromUtc.AddMinutes(i), i, 0, true)).ToList();

    /// <summary>Polls until the condition holds; fails the test after a generous bound so a hang is reported.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition(), $"timed out waiting for {what}");
    }
}
