using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareWatch.Protocol;

/// <summary>Reads and writes protocol v1 JSON. Field names are short because watches pay for every byte.</summary>
public static partial class TelemetryJson
{
    /// <summary>Serialises a batch to UTF-8 JSON.</summary>
    public static byte[] Serialize(TelemetryBatch batch) =>
        JsonSerializer.SerializeToUtf8Bytes(WireBatch.From(batch), WireContext.Default.WireBatch);

    /// <summary>Parses UTF-8 JSON; returns null with a reason when the text is not a v1 batch.</summary>
    public static TelemetryBatch? TryParse(ReadOnlySpan<byte> utf8, out string? error)
    {
        try
        {
            var wire = JsonSerializer.Deserialize(utf8, WireContext.Default.WireBatch);
            if (wire is null) { error = "payload is JSON null"; return null; }
            return wire.ToBatch(out error);
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
            return null;
        }
    }

    internal sealed record WireMinute(
        [property: JsonPropertyName("t")] DateTime? T,
        [property: JsonPropertyName("move")] int? Move,
        [property: JsonPropertyName("steps")] int? Steps,
        [property: JsonPropertyName("worn")] bool? Worn);

    internal sealed record WireEvent(
        [property: JsonPropertyName("t")] DateTime? T,
        [property: JsonPropertyName("kind")] string? Kind);

    internal sealed record WireBatch(
        [property: JsonPropertyName("seq")] long? Seq,
        [property: JsonPropertyName("battery")] int? Battery,
        [property: JsonPropertyName("charging")] bool? Charging,
        [property: JsonPropertyName("minutes")] List<WireMinute?>? Minutes,
        [property: JsonPropertyName("events")] List<WireEvent?>? Events,
        [property: JsonPropertyName("sent")] DateTime? Sent = null)
    {
        public static WireBatch From(TelemetryBatch b) => new(
            b.Seq, b.Battery, b.Charging,
            b.Minutes.Select(m => (WireMinute?)new WireMinute(m.Start, m.Movement, m.Steps, m.Worn)).ToList(),
            b.Events.Count == 0 ? null : b.Events.Select(e => (WireEvent?)new WireEvent(e.At, e.Kind.ToString().ToLowerInvariant())).ToList(),
            b.SentAt);

        public TelemetryBatch? ToBatch(out string? error)
        {
            error = null;
            if (Seq is null) { error = "missing seq"; return null; }
            if (Battery is null) { error = "missing battery"; return null; }
            if (Charging is null) { error = "missing charging"; return null; }
            var minutes = new List<MinuteSummary>(Minutes?.Count ?? 0);
            foreach (var m in Minutes ?? [])
            {
                if (m?.T is null || m.Move is null || m.Steps is null || m.Worn is null)
                {
                    error = "a minute lacks one of t, move, steps, worn";
                    return null;
                }
                minutes.Add(new MinuteSummary(ToUtc(m.T.Value), m.Move.Value, m.Steps.Value, m.Worn.Value));
            }
            var events = new List<DeviceEvent>(Events?.Count ?? 0);
            foreach (var e in Events ?? [])
            {
                if (e?.T is null || !Enum.TryParse<DeviceEventKind>(e.Kind, ignoreCase: true, out var kind)
                    || !Enum.IsDefined(kind) || int.TryParse(e.Kind, out _))
                {
                    error = $"an event lacks t or has an unknown kind '{e?.Kind}'";
                    return null;
                }
                events.Add(new DeviceEvent(ToUtc(e.T.Value), kind));
            }
            return new TelemetryBatch(Seq.Value, Battery.Value, Charging.Value, minutes, events, Sent is { } sent ? ToUtc(sent) : null);
        }

        // A timestamp without an offset is taken as UTC, as the protocol says all times are UTC.
        private static DateTime ToUtc(DateTime t) => t.Kind switch
        {
            DateTimeKind.Utc => t,
            DateTimeKind.Local => t.ToUniversalTime(),
            _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        };
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(WireBatch))]
    internal sealed partial class WireContext : JsonSerializerContext;
}
