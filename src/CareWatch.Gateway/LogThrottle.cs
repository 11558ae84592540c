using Microsoft.Extensions.Logging;

namespace CareWatch.Gateway;

/// <summary>
/// Logs repeated identical errors once with a count instead of once per attempt. During a database outage every
/// refused reconnect and every failed write used to log a full stack trace (2.4 MB in 30 s for 40 watches); the
/// first one says all there is to say.
/// <list type="bullet">
/// <item>The first occurrence of an error is logged at once, in full, with its exception.</item>
/// <item>Further occurrences within <see cref="Window"/> are only counted. When the window closes, one line
/// repeats the last occurrence's message, without stack trace, followed by
/// "(repeated N times in the last M s)"; counting goes on for another window.</item>
/// <item>A window without any repeat ends the episode: the next occurrence is logged in full again.</item>
/// </list>
/// Two occurrences are identical when the caller's key, the exception type and the innermost exception's message
/// are equal, so a different failure under the same key is still logged in full. Counts still pending are
/// written when the throttle is disposed. Windows run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class LogThrottle : IDisposable
{
    /// <summary>The window used when none is given: short enough that an outage still shows as it goes on.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Episode> _episodes = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Throttles what is logged through <paramref name="logger"/>.</summary>
    public LogThrottle(ILogger logger, TimeProvider time, TimeSpan? window = null)
    {
        _logger = logger;
        _time = time;
        Window = window ?? DefaultWindow;
        if (Window <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), "The window must be positive.");
    }

    /// <summary>How long repeats are counted before a summary is written.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// Logs <paramref name="message"/> (a message template with <paramref name="args"/>) unless an identical error
    /// was logged within the current window, in which case it is counted for the next summary.
    /// </summary>
    /// <param name="level">The level of the entry and of its summaries.</param>
    /// <param name="key">What the error is about (for example <c>registry-unavailable</c>); not logged.</param>
    /// <param name="exception">The error, logged with the first occurrence only.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The template's arguments.</param>
    public void Log(LogLevel level, string key, Exception? exception, string message, params object?[] args)
    {
        if (!_logger.IsEnabled(level)) return;
        var identity = exception is null
            ? key
            : $"{key}|{exception.GetType().FullName}|{exception.GetBaseException().Message}";
        lock (_episodes)
        {
            if (_disposed) return;
            if (_episodes.TryGetValue(identity, out var running))
            {
                running.Repeat(level, message, args);
                return;
            }
            var episode = new Episode(level, message, args);
            _episodes[identity] = episode;
            episode.Timer = _time.CreateTimer(CloseWindow, identity, Window, Timeout.InfiniteTimeSpan);
        }
        _logger.Log(level, exception, message, args);
    }

    /// <summary>Writes the counts still pending and stops the windows.</summary>
    public void Dispose()
    {
        List<Episode> pending;
        lock (_episodes)
        {
            if (_disposed) return;
            _disposed = true;
            pending = _episodes.Values.Where(e => e.Repeats > 0).ToList();
            foreach (var e in _episodes.Values) e.Timer?.Dispose();
            _episodes.Clear();
        }
        foreach (var e in pending) Summarise(e.TakeSummary());
    }

    private void CloseWindow(object? state)
    {
        var identity = (string)state!;
        Summary summary;
        lock (_episodes)
        {
            if (_disposed || !_episodes.TryGetValue(identity, out var episode)) return;
            if (episode.Repeats == 0)
            {
                // A quiet window: the episode is over.
                _episodes.Remove(identity);
                episode.Timer?.Dispose();
                return;
            }
            summary = episode.TakeSummary();
            episode.Timer?.Change(Window, Timeout.InfiniteTimeSpan);
        }
        Summarise(summary);
    }

    private void Summarise(Summary s)
    {
        // The caller's template stays a template (its placeholders keep their names); the count is appended.
        object?[] args = [.. s.Args, s.Repeats, (int)Math.Round(Window.TotalSeconds)];
        _logger.Log(s.Level, s.Message + " (repeated {RepeatCount} times in the last {RepeatWindowSeconds} s)", args);
    }

    private readonly record struct Summary(LogLevel Level, string Message, object?[] Args, int Repeats);

    private sealed class Episode(LogLevel level, string message, object?[] args)
    {
        private LogLevel _level = level;
        private string _message = message;
        private object?[] _args = args;

        public ITimer? Timer { get; set; }

        public int Repeats { get; private set; }

        // The summary quotes the latest occurrence, which says most about the present.
        public void Repeat(LogLevel level, string message, object?[] args)
        {
            _level = level;
            _message = message;
            _args = args;
            Repeats++;
        }

        public Summary TakeSummary()
        {
            var summary = new Summary(_level, _message, _args, Repeats);
            Repeats = 0;
            return summary;
        }
    }
}
