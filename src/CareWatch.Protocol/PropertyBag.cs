namespace CareWatch.Protocol;

/// <summary>The URL-encoded <c>key=value&amp;…</c> property bag at the end of an IoT Hub telemetry topic.</summary>
public static class PropertyBag
{
    /// <summary>A bag with no properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Encodes properties as IoT Hub devices do.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> properties) =>
        string.Join('&', properties.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>
    /// Decodes a bag. System properties arrive as <c>%24.mid</c> and come out as <c>$.mid</c>;
    /// a key without <c>=</c> has an empty value; a later duplicate key wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Decode(string bag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in bag.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            result[Unescape(key)] = Unescape(value);
        }
        return result;
    }

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
