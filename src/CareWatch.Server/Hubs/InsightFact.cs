using System.Text.Json;

namespace CareWatch.Server.Hubs;

/// <summary>
/// One change a wellbeing insight found (Detection's DriftChange as stored in insights.details): the kind and its
/// measures, for pages to word in the reader's language.
/// </summary>
public sealed record InsightFact(string Kind, double Recent, double Usual, int Days)
{
    /// <summary>The facts stored in an insight's details; empty when it has none (insights from before them).</summary>
    public static IReadOnlyList<InsightFact> Read(string detailsJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(detailsJson);
            if (!doc.RootElement.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Array) return [];
            return [.. facts.EnumerateArray().Select(f => new InsightFact(f.GetProperty("kind").GetString() ?? "",
                f.GetProperty("recent").GetDouble(), f.GetProperty("usual").GetDouble(), f.GetProperty("days").GetInt32()))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return []; // an unreadable row still shows, by its stored summary
        }
    }
}
