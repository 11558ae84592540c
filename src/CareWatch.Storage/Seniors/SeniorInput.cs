using CareWatch.Storage.Contacts;

namespace CareWatch.Storage.Seniors;

/// <summary>A senior as a supervisor enters them (create or edit), with the rules the record must meet.</summary>
/// <param name="DisplayName">The name staff see on the board, 1–200 characters.</param>
/// <param name="TimeZone">Where the senior lives: an IANA zone (Asia/Shanghai), which their day is measured in.</param>
/// <param name="Language">What the watch speaks: one of <see cref="ContactInput.Languages"/>.</param>
public sealed record SeniorInput(string? DisplayName, string? TimeZone, string? Language)
{
    /// <summary>The longest name (a board tile shows about 40 characters; the rest is for full legal names).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The trimmed name.</summary>
    public string Name => DisplayName?.Trim() ?? "";

    /// <summary>Field errors (API style, camelCase fields), empty when valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Name.Length is 0 or > MaxNameLength) errors["displayName"] = [$"1 to {MaxNameLength} characters."];
        if (!IsIanaZone(TimeZone)) errors["timeZone"] = ["An IANA time zone, such as Asia/Shanghai or Europe/Berlin."];
        if (Language is null || !ContactInput.Languages.Contains(Language))
            errors["language"] = [$"One of: {string.Join(", ", ContactInput.Languages)}."];
        return errors;
    }

    /// <summary>
    /// Whether the id names an IANA zone this machine knows. Windows names ("W. Europe Standard Time") are refused
    /// although .NET finds them: PostgreSQL and the browsers' Intl only know IANA names.
    /// </summary>
    public static bool IsIanaZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && id == id.Trim()
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
