using System.Text.Json;
using System.Threading.Channels;
using CareWatch.FirmwareSim.Device;

namespace CareWatch.FirmwareSim.CheckIn;

/// <summary>
/// One watch's side of the check-in: answers the server's <c>areYouOk</c> direct method at once with 200 ("the
/// prompt is on the screen and the watch buzzes"), then, if and when <see cref="CheckInAnswers"/> says the senior
/// presses OK, queues the press on <see cref="Presses"/> by the watch's clock. The press itself goes to the server as an
/// OK event in the telemetry (the server's <c>DirectMethodWatchPrompt</c> reads only the method's status), so the
/// method answer never waits for the senior: the server's method timeout is seconds, her answer may take minutes.
/// </summary>
public sealed class PromptResponder : IDisposable
{
    /// <summary>The direct method the server calls (its <c>DirectMethodWatchPrompt.Method</c>).</summary>
    public const string Method = "areYouOk";

    private readonly CheckInAnswers _answers;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _log;
    private readonly string _deviceId;
    private readonly Channel<DateTime> _presses = Channel.CreateUnbounded<DateTime>();
    private readonly List<ITimer> _timers = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>A responder for one watch; <paramref name="clock"/> is the watch's own.</summary>
    public PromptResponder(CheckInAnswers answers, TimeProvider clock, string deviceId, Action<string>? log = null) =>
        (_answers, _clock, _deviceId, _log) = (answers, clock, deviceId, log);

    /// <summary>How this senior answers.</summary>
    public CheckInRole Role => _answers.Role;

    /// <summary>The instants (watch clock, UTC) at which the senior pressed OK, in order.</summary>
    public ChannelReader<DateTime> Presses => _presses.Reader;

    /// <summary>The watch's direct-method handler (<see cref="SimulatedWatchOptions.MethodHandler"/>).</summary>
    public DirectMethodAnswer Handle(string method, string payloadJson)
    {
        if (method != Method) return new DirectMethodAnswer(404, """{"error":"unknown method"}""");
        if (Parse(payloadJson) is not var (alertId, prompt))
            return new DirectMethodAnswer(400, """{"error":"payload needs alertId"}""");
        var delay = _answers.DelayFor(alertId, prompt, _clock.GetUtcNow().UtcDateTime);
        _log?.Invoke($"{_deviceId}: \"Are you OK?\" (alert {alertId}, prompt {prompt}) shown; " +
            (delay is { } d ? $"she presses OK in {d.TotalSeconds:0} s" : "nobody presses OK"));
        if (delay is { } after) Schedule(after);
        return new DirectMethodAnswer(200, $$"""{"shown":true,"alertId":{{alertId}},"prompt":{{prompt}}}""");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var timer in _timers) timer.Dispose();
            _timers.Clear();
        }
        _presses.Writer.TryComplete();
    }

    private void Schedule(TimeSpan after)
    {
        lock (_lock)
        {
            if (_disposed) return;
            ITimer? timer = null;
            timer = _clock.CreateTimer(_ =>
            {
                _presses.Writer.TryWrite(_clock.GetUtcNow().UtcDateTime);
                lock (_lock) if (timer is not null && _timers.Remove(timer)) timer.Dispose();
            }, null, after, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
        }
    }

    // {"alertId":…,"prompt":…,"windowSeconds":…,"language":…} as the server sends it; prompt defaults to 1.
    private static (long AlertId, int Prompt)? Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("alertId", out var id)
                || !id.TryGetInt64(out var alertId)) return null;
            var prompt = root.TryGetProperty("prompt", out var p) && p.TryGetInt32(out var n) ? n : 1;
            return (alertId, prompt);
        }
        catch (JsonException) { return null; }
    }
}
