using System.Text.Json.Nodes;

namespace CareWatch.Storage;

/// <summary>RFC 7396 JSON merge patch, the semantics of IoT Hub twin property updates.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> in place.</summary>
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null) target.Remove(name);
            else if (value is JsonObject child && target[name] is JsonObject existing) Apply(existing, child);
            else if (value is JsonObject newChild)
            {
                // A fresh object must not keep nulls: they mean "absent" in a patch.
                var clean = new JsonObject();
                Apply(clean, newChild);
                target[name] = clean;
            }
            else target[name] = value.DeepClone();
        }
    }
}
