namespace CareWatch.Storage;

/// <summary>What <see cref="TelemetryWriter.WriteAsync"/> made of a batch of messages, once committed.</summary>
/// <param name="IsNew">
/// Per message, in input order: true when it was stored, false for a resend of a stored message (or of an earlier
/// one in the same call), which is acknowledged without storing it again.
/// </param>
/// <param name="MinutesAlreadyStored">
/// Minutes of the new messages that were not written because the watch's minute was already stored (by an earlier
/// message, or by an earlier message of the same call): the first value is kept.
/// </param>
/// <param name="EventsAlreadyStored">
/// Events of the new messages that were already stored (same watch, seq, time and kind).
/// </param>
public sealed record TelemetryWriteResult(bool[] IsNew, int MinutesAlreadyStored, int EventsAlreadyStored);
