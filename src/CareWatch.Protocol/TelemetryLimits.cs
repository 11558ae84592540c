namespace CareWatch.Protocol;

/// <summary>Sizes and value ranges of protocol v1; anything outside is rejected, never stored.</summary>
public static class TelemetryLimits
{
    /// <summary>The schema name carried in the message's property bag.</summary>
    public const string Schema = "carewatch.v1";

    /// <summary>Largest accepted payload. IoT Hub allows 256 KB; a v1 batch of a day's minutes fits well below.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>At most one day of minutes per message (a watch replaying its offline buffer).</summary>
    public const int MaxMinutesPerBatch = 1440;

    /// <summary>At most this many events per message.</summary>
    public const int MaxEventsPerBatch = 32;

    /// <summary>Upper bound of a minute's movement count; far above any wrist sensor's real range.</summary>
    public const int MaxMovement = 100_000;

    /// <summary>Upper bound of steps in one minute (a sprinter reaches about 250).</summary>
    public const int MaxStepsPerMinute = 400;

    /// <summary>How far ahead of the server clock a watch clock may run.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    /// <summary>How old a replayed minute may be (offline buffer of a week).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
}
