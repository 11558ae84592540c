using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// A logger provider that keeps every line the server logs (formatted message, structured values, scopes and
/// exception), for scanning. It takes the factory's scopes as a console or JSON provider does, so a line shows the
/// TraceId and SpanId that the logging's activity tracking adds (the correlation id).
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose() { }

    private string Scopes()
    {
        var text = new StringBuilder();
        _scopes?.ForEachScope((scope, sb) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var p in pairs) sb.Append(p.Key).Append('=').Append(p.Value).Append(' ');
            else sb.Append(scope).Append(' ');
        }, text);
        return text.ToString().TrimEnd();
    }

    private sealed class Logger(string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            log._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a provider that ships them (OpenTelemetry, JSON console) would leak them.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            log._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {{{log.Scopes()}}} {exception}");
        }
    }
}
