using System.Text.Json;
using CareWatch.Detection;

namespace CareWatch.Monitoring;

/// <summary>
/// The structured facts stored with an inactivity alert (alerts.facts, JSON): which detector decided, at what limit,
/// and on what grounds. Explanations are rendered from them when shown, and the monitor updates them when another
/// detector is put in service during the episode, so the card always names the detector in service now.
/// </summary>
/// <param name="Trigger">What sets the limit.</param>
/// <param name="LimitMinutes">The stillness, in minutes, at which the detector alerts for this still period.</param>
/// <param name="LongestNormalMinutes">The longest normal still period around that hour, minutes (learned model only).</param>
/// <param name="ModelVersion">The learned model version (null: the fixed rule).</param>
public sealed record AlertFacts(AlertTrigger Trigger, int LimitMinutes, int? LongestNormalMinutes, int? ModelVersion)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The facts of a detector's current still period.</summary>
    public static AlertFacts From(InactivityFacts facts, int? modelVersion) => new(facts.Trigger,
        (int)Math.Round(facts.Limit.TotalMinutes), facts.LongestNormal is { } l ? (int)Math.Round(l.TotalMinutes) : null, modelVersion);

    /// <summary>As stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored facts; null when there are none or they cannot be read (an older row).</summary>
    public static AlertFacts? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<AlertFacts>(json, Json) is { LimitMinutes: > 0 } facts ? facts : null; }
        catch (JsonException) { return null; }
    }
}
