using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CareWatch.Server.Extensions;

/// <summary>
/// The console's log layout: the simple formatter's two lines, plus the correlation id (<c>TraceId=…</c>) when the line
/// was written inside a trace. Only the trace id is taken from the scopes: ASP.NET Core's request scopes hold paths,
/// and a <c>/respond/{token}</c> path is a relative's secret link.
/// </summary>
public sealed class TraceIdConsoleFormatter() : ConsoleFormatter(Name)
{
    /// <summary>The formatter's name in <c>Logging:Console:FormatterName</c>.</summary>
    public new const string Name = "carewatch";

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider,
        TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write(']');
        if (TraceId(scopeProvider) is { } traceId)
        {
            textWriter.Write(" TraceId=");
            textWriter.Write(traceId);
        }
        textWriter.WriteLine();
        if (!string.IsNullOrEmpty(message)) WriteIndented(textWriter, message);
        if (logEntry.Exception is { } ex) WriteIndented(textWriter, ex.ToString());
    }

    // The innermost scope's trace id: the one ActivityTrackingOptions.TraceId adds for the current activity.
    private static string? TraceId(IExternalScopeProvider? scopes)
    {
        string? found = null;
        scopes?.ForEachScope((scope, _) =>
        {
            if (scope is not IEnumerable<KeyValuePair<string, object?>> pairs) return;
            foreach (var (key, value) in pairs)
                if (key == "TraceId" && value?.ToString() is { Length: > 0 } id) found = id;
        }, (object?)null);
        return found;
    }

    private static void WriteIndented(TextWriter writer, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            writer.Write("      ");
            writer.WriteLine(line.TrimEnd('\r'));
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
