using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>A log provider that keeps every entry, to assert on what the gateway logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <summary>One log entry.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>The entries logged by <typeparamref name="T"/>'s logger.</summary>
    public List<Entry> Of<T>() => Entries.Where(e => e.Category == typeof(T).FullName).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
