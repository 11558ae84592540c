using System.Text.Json.Nodes;

namespace CareWatch.Gateway.Cloud;

/// <summary>The limits IoT Hub puts on twin patches (names, depth, size), checked before anything is stored.</summary>
public static class TwinPatchRules
{
    /// <summary>Largest patch accepted, in bytes of JSON (IoT Hub: 32 KB per twin section).</summary>
    public const int MaxBytes = 32 * 1024;

    /// <summary>Deepest nesting of objects accepted (IoT Hub: 10).</summary>
    public const int MaxDepth = 10;

    /// <summary>Parses and checks a patch; null with a reason when it is not acceptable.</summary>
    public static JsonObject? TryParse(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        if (utf8.Length > MaxBytes) { error = $"a patch is at most {MaxBytes} bytes"; return null; }
        JsonNode? node;
        try { node = JsonNode.Parse(utf8); }
        catch (System.Text.Json.JsonException ex) { error = $"invalid JSON: {ex.Message}"; return null; }
        if (node is not JsonObject patch) { error = "a patch must be a JSON object"; return null; }
        error = Check(patch, 1);
        return error is null ? patch : null;
    }

    private static string? Check(JsonObject obj, int depth)
    {
        if (depth > MaxDepth) return $"properties nest at most {MaxDepth} levels deep";
        foreach (var (name, value) in obj)
        {
            // '$' names are IoT Hub's own ($version, $metadata); '.', ' ' and control characters are refused there too.
            if (name.Length == 0 || name[0] == '$' || name.Any(c => c is '.' or ' ' || char.IsControl(c)))
                return $"property name '{name}' is not allowed";
            if (value is JsonObject child && Check(child, depth + 1) is { } error) return error;
        }
        return null;
    }
}
