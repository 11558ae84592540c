namespace CareWatch.Server.Administration;

/// <summary>
/// How a change made by a supervisor ended: done (with the stored value), refused for its input (errors by field,
/// camelCase as the APIs answer them, English text that the pages translate), or not found in the caller's bureau.
/// A refusal because the thing exists already is also <see cref="Conflict"/> (the APIs answer 409).
/// </summary>
public sealed record AdminResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false,
    bool Conflict = false) where T : class
{
    /// <summary>The change was made.</summary>
    public static AdminResult<T> Done(T value) => new(value, new Dictionary<string, string[]>());

    /// <summary>Refused: the input breaks a rule.</summary>
    public static AdminResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);

    /// <summary>Refused: one field breaks a rule.</summary>
    public static AdminResult<T> Invalid(string field, string reason) =>
        new(null, new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>Refused: it exists already (the field says which value is taken).</summary>
    public static AdminResult<T> Taken(string field, string reason) =>
        new(null, new Dictionary<string, string[]> { [field] = [reason] }, Conflict: true);

    /// <summary>Refused: the caller's bureau has nothing by that id (whether or not another bureau has).</summary>
    public static AdminResult<T> Missing() => new(null, new Dictionary<string, string[]>(), NotFound: true);
}
