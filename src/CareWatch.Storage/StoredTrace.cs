using System.Diagnostics;
using Npgsql;

namespace CareWatch.Storage;

/// <summary>
/// A W3C trace context as stored beside a row (<c>trace_id</c>, <c>span_id</c>): how work that crosses the database
/// (an alert's notifications, delivered later by the outbox dispatcher) continues the trace that wrote the row, so
/// its log lines carry the same TraceId, the correlation id from device message to alert to notification.
/// </summary>
/// <param name="TraceId">The trace, 32 lower-case hex digits.</param>
/// <param name="SpanId">The span that wrote the row, 16 lower-case hex digits.</param>
public readonly record struct StoredTrace(string TraceId, string SpanId)
{
    /// <summary>The trace of <see cref="Activity.Current"/>, or null outside any W3C activity.</summary>
    public static StoredTrace? Current => Activity.Current is { IdFormat: ActivityIdFormat.W3C } a
        ? new StoredTrace(a.TraceId.ToHexString(), a.SpanId.ToHexString())
        : null;

    /// <summary>
    /// Reads the pair of columns; null when either is null or not a valid id (a row from before migration 0025, or
    /// written outside a trace), so a bad value never stops a delivery.
    /// </summary>
    public static StoredTrace? From(string? traceId, string? spanId) =>
        traceId is { Length: 32 } && spanId is { Length: 16 } && IsHex(traceId) && IsHex(spanId)
            ? new StoredTrace(traceId, spanId)
            : null;

    /// <summary>Reads the pair of columns <paramref name="traceColumn"/> (trace_id) and the one after it (span_id).</summary>
    public static StoredTrace? Read(NpgsqlDataReader r, int traceColumn) => From(
        r.IsDBNull(traceColumn) ? null : r.GetString(traceColumn),
        r.IsDBNull(traceColumn + 1) ? null : r.GetString(traceColumn + 1));

    /// <summary>The context to start the continuing activity under (remote: it was written by another activity).</summary>
    public ActivityContext ToParent() => new(ActivityTraceId.CreateFromString(TraceId),
        ActivitySpanId.CreateFromString(SpanId), ActivityTraceFlags.Recorded, isRemote: true);

    private static bool IsHex(string s) => s.All(char.IsAsciiHexDigitLower);
}
