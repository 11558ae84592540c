namespace CareWatch.Storage;

/// <summary>An SOS press or a fall in storage that no alert covers yet.</summary>
/// <param name="At">When it happened (UTC, clock-corrected).</param>
/// <param name="Kind">The event's kind (<c>sos</c>, <c>fall</c>).</param>
/// <param name="Trace">The trace of the device message that carried it, if it came inside one.</param>
public sealed record UnalertedEvent(DateTime At, string Kind, StoredTrace? Trace = null);
