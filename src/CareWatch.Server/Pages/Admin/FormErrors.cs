namespace CareWatch.Server.Pages.Admin;

/// <summary>
/// A refused form's errors by field (camelCase, as the commands and APIs name them), with what the markup needs:
/// <c>aria-invalid</c>, the id of the message the field is described by, and <c>autofocus</c> on the first invalid
/// field, so the browser moves focus there without any script.
/// </summary>
public sealed class FormErrors(IReadOnlyDictionary<string, string[]> errors)
{
    /// <summary>No errors (a form shown for the first time, or saved).</summary>
    public static readonly FormErrors None = new(new Dictionary<string, string[]>());

    /// <summary>Whether any field is invalid.</summary>
    public bool Any => errors.Count > 0;

    /// <summary>The messages of a field (English: the view translates them).</summary>
    public IReadOnlyList<string> For(string field) => errors.TryGetValue(field, out var m) ? m : [];

    /// <summary>The messages of fields the form does not show (a rule about the whole change).</summary>
    public IEnumerable<string> Except(params string[] fields) =>
        errors.Where(e => !fields.Contains(e.Key)).SelectMany(e => e.Value);

    /// <summary>"true" for an invalid field, else null (the attribute is left out).</summary>
    public string? AriaInvalid(string field) => errors.ContainsKey(field) ? "true" : null;

    /// <summary>The id of the field's message, or null.</summary>
    public string? DescribedBy(string field) => errors.ContainsKey(field) ? field + "-error" : null;

    /// <summary>Whether the field is the first invalid one of <paramref name="order"/> (the form's order).</summary>
    public bool FirstOf(string field, params string[] order) => order.FirstOrDefault(errors.ContainsKey) == field;
}
