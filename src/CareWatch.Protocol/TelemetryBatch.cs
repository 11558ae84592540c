namespace CareWatch.Protocol;

/// <summary>
/// One device-to-cloud message of protocol <c>carewatch.v1</c>: a batch of per-minute summaries
/// and/or events from one watch. See docs/telemetry.md.
/// </summary>
/// <param name="Seq">
/// Per-watch sequence number, repeated by a resend. The gateway stores a (watch, seq, minutes and events) message
/// once, so a counter that restarts after a reset loses nothing (docs/telemetry.md, "De-duplication").
/// </param>
/// <param name="Battery">Battery charge in percent, 0–100.</param>
/// <param name="Charging">Whether the watch is on its charger.</param>
/// <param name="Minutes">Completed minutes, oldest first.</param>
/// <param name="Events">Button presses and fall detections.</param>
/// <param name="SentAt">The watch's clock when it sent the message (optional): lets the gateway measure and correct a wrong clock.</param>
public sealed record TelemetryBatch(
    long Seq,
    int Battery,
    bool Charging,
    IReadOnlyList<MinuteSummary> Minutes,
    IReadOnlyList<DeviceEvent> Events,
    DateTime? SentAt = null);

/// <summary>What the watch measured during one minute.</summary>
/// <param name="Start">Start of the minute, UTC by the watch clock, on a whole minute.</param>
/// <param name="Movement">Actigraphy-style activity count (device scale, ≥ 0).</param>
/// <param name="Steps">Steps counted in the minute.</param>
/// <param name="Worn">Skin contact during the minute.</param>
public sealed record MinuteSummary(DateTime Start, int Movement, int Steps, bool Worn);

/// <summary>Something the senior or the watch signalled at a moment.</summary>
public sealed record DeviceEvent(DateTime At, DeviceEventKind Kind);

/// <summary>Kinds of device events in protocol v1.</summary>
public enum DeviceEventKind
{
    /// <summary>The senior pressed "I am OK".</summary>
    Ok,
    /// <summary>The senior pressed SOS.</summary>
    Sos,
    /// <summary>The watch detected a fall.</summary>
    Fall,
}
