namespace CareWatch.Protocol;

/// <summary>Why a device message was refused. The names are counted in metrics.</summary>
public enum RejectReason
{
    /// <summary>Accepted.</summary>
    None,
    /// <summary>Payload larger than <see cref="TelemetryLimits.MaxPayloadBytes"/>.</summary>
    TooLarge,
    /// <summary>Not JSON, or not a v1 batch.</summary>
    Malformed,
    /// <summary>The property bag names another schema.</summary>
    UnknownSchema,
    /// <summary>A value lies outside its range.</summary>
    OutOfRange,
    /// <summary>A timestamp is too far in the future or the past.</summary>
    BadTimestamp,
}

/// <summary>The outcome of checking one message.</summary>
public readonly record struct ValidationResult(RejectReason Reason, string? Detail)
{
    /// <summary>True when the message may be stored.</summary>
    public bool IsValid => Reason == RejectReason.None;

    /// <summary>The accepted result.</summary>
    public static ValidationResult Ok => new(RejectReason.None, null);
}

/// <summary>Checks the ranges of a parsed batch against the server clock.</summary>
public static class TelemetryValidator
{
    /// <summary>Validates a batch; <paramref name="now"/> is the server's current UTC time.</summary>
    public static ValidationResult Validate(TelemetryBatch batch, DateTimeOffset now)
    {
        if (batch.Seq < 0) return Fail(RejectReason.OutOfRange, "seq must be ≥ 0");
        if (batch.Battery is < 0 or > 100) return Fail(RejectReason.OutOfRange, "battery must be 0–100");
        if (batch.Minutes.Count == 0 && batch.Events.Count == 0)
            return Fail(RejectReason.Malformed, "a batch needs at least one minute or event");
        if (batch.Minutes.Count > TelemetryLimits.MaxMinutesPerBatch)
            return Fail(RejectReason.TooLarge, $"at most {TelemetryLimits.MaxMinutesPerBatch} minutes per batch");
        if (batch.Events.Count > TelemetryLimits.MaxEventsPerBatch)
            return Fail(RejectReason.TooLarge, $"at most {TelemetryLimits.MaxEventsPerBatch} events per batch");

        var earliest = now.UtcDateTime - TelemetryLimits.MaxAge;
        var latest = now.UtcDateTime + TelemetryLimits.MaxClockAhead;
        DateTime? previous = null;
        foreach (var m in batch.Minutes)
        {
            if (m.Movement < 0 || m.Movement > TelemetryLimits.MaxMovement)
                return Fail(RejectReason.OutOfRange, $"movement must be 0–{TelemetryLimits.MaxMovement}");
            if (m.Steps < 0 || m.Steps > TelemetryLimits.MaxStepsPerMinute)
                return Fail(RejectReason.OutOfRange, $"steps must be 0–{TelemetryLimits.MaxStepsPerMinute}");
            if (m.Start.Ticks % TimeSpan.TicksPerMinute != 0)
                return Fail(RejectReason.BadTimestamp, "a minute must start on a whole minute");
            if (m.Start < earliest || m.Start > latest)
                return Fail(RejectReason.BadTimestamp, $"minute {m.Start:O} is too far from the server clock");
            if (previous is not null && m.Start <= previous)
                return Fail(RejectReason.BadTimestamp, "minutes must be in strictly increasing order");
            previous = m.Start;
        }
        foreach (var e in batch.Events)
        {
            if (e.At < earliest || e.At > latest)
                return Fail(RejectReason.BadTimestamp, $"event at {e.At:O} is too far from the server clock");
        }
        return ValidationResult.Ok;
    }

    private static ValidationResult Fail(RejectReason reason, string detail) => new(reason, detail);
}
